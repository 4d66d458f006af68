import type { ReportLocale } from './contract.js'
import { html } from './html.js'
import { chrome, formatMonth } from './i18n.js'
import { pageShell } from './page-shell.js'

// The front door (/): what the platform is, the published reports, the surveys an admin chose
// to list, and the way to sign in. Server-rendered, no script, no cookie.

export interface FrontPageInput {
  locale: ReportLocale
  surveys: { slug: string; title: string }[]
  reports: { url: string; title: string; createdOn: string }[]
}

export function renderFrontPage({ locale, surveys, reports }: FrontPageInput): string {
  const t = chrome[locale]
  const body = html`<main>
      <h1>${t.platform}</h1>
      <p class="lead">${t.intro}</p>
      ${surveys.length > 0
        ? html`<section aria-labelledby="open-h">
            <h2 id="open-h">${t.openSurveys}</h2>
            <ul class="cards">
              ${surveys.map(
                (s) => html`<li>
                  <a href="/s/${s.slug}?lang=${locale}">${s.title}</a>
                  <div class="meta">${t.answer}</div>
                </li>`,
              )}
            </ul>
          </section>`
        : ''}
      <section aria-labelledby="reports-h">
        <h2 id="reports-h">${t.reports}</h2>
        ${reports.length > 0
          ? html`<ul class="cards">
              ${reports.map(
                (r) => html`<li>
                  <a href="${r.url}?lang=${locale}">${r.title}</a>
                  <div class="meta">${formatMonth(locale, r.createdOn)}</div>
                </li>`,
              )}
            </ul>`
          : html`<p>${t.noReports}</p>`}
      </section>
      <p class="signin"><a href="/admin">${t.signIn}</a></p>
    </main>`
  return pageShell({ locale, title: t.platform, path: '/', body })
}

/** The 404 page of /r/<id>: the same for a withdrawn report and one that never existed. */
export function renderReportMissing(locale: ReportLocale): string {
  const t = chrome[locale]
  const body = html`<main>
    <h1>${t.notFound}</h1>
    <p><a href="/">${t.home}</a></p>
  </main>`
  return pageShell({ locale, title: t.notFound, body })
}
