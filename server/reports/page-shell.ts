import { REPORT_LOCALES, type ReportLocale } from './contract.js'
import { html, raw, type HtmlEscapedString } from './html.js'
import { chrome } from './i18n.js'
import { PAGE_CSS } from './styles.js'

/** The frame of every public page: inline CSS, no script, no external reference. */
export function pageShell(input: {
  locale: ReportLocale
  title: string
  /** Where the language links point (this page's path); none in a downloaded file. */
  path?: string
  body: HtmlEscapedString
}): string {
  const t = chrome[input.locale]
  const topbar = input.path
    ? html`<header class="topbar">
        <a class="home" href="/">${t.home}</a>
        <nav aria-label="${t.language}">
          <ul class="langs">
            ${REPORT_LOCALES.map((l) => {
              const name = html`${l.toUpperCase()}<span class="sr-only"> ${chrome[l].langName}</span>`
              return l === input.locale
                ? html`<li><span aria-current="true" lang="${l}">${name}</span></li>`
                : html`<li><a href="${input.path}?lang=${l}" lang="${l}" hreflang="${l}">${name}</a></li>`
            })}
          </ul>
        </nav>
      </header>`
    : ''
  return String(html`<!doctype html>
<html lang="${input.locale}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="referrer" content="no-referrer" />
    <title>${input.title}</title>
    <style>
      ${raw(PAGE_CSS)}
    </style>
  </head>
  <body>
    <div class="page">${topbar}${input.body}</div>
  </body>
</html>
`)
}
