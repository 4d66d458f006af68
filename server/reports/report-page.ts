import type { CodebookEntry, Texts } from '../domain/codebook.js'
import type { ReportLocale } from './contract.js'
import {
  inLocale,
  type ChartFigures,
  type ReportContent,
  type ReportTable,
  type TableGroup,
} from './content.js'
import { html, type HtmlEscapedString } from './html.js'
import { chrome, formatMonth, formatNumber, formatPercent } from './i18n.js'
import { pageShell } from './page-shell.js'
import { barChart } from './svg.js'

// The public report (/r/<id>): server-rendered HTML, readable without script, printable as A4.

export interface ReportPageOptions {
  locale: ReportLocale
  /** The page's own path (/r/<id>); omitted for the downloadable file. */
  path?: string
}

export function reportTitle(content: ReportContent, locale: ReportLocale) {
  return inLocale(content.options.title, locale) || inLocale(content.codebook.title, locale)
}

export function renderReport(content: ReportContent, { locale, path }: ReportPageOptions): string {
  const t = chrome[locale]
  const title = reportTitle(content, locale)
  const label = labeller(content, locale)
  const body = html`<main>
    <section class="part cover" aria-labelledby="title">
      ${title === inLocale(content.codebook.title, locale)
        ? html`<p class="meta">${t.reportOf}</p>`
        : html`<p class="meta">${t.reportOf} · ${inLocale(content.codebook.title, locale)}</p>`}
      <h1 id="title">${title}</h1>
      <p class="lead">
        ${t.answered(
          formatNumber(locale, content.n),
          formatMonth(locale, content.release.createdOn),
        )}
      </p>
      <p class="meta">${content.release.kind === 'final' ? t.final : t.interim}</p>
      ${summary(content.options.summary, locale)}
      ${path
        ? html`<p class="actions">
            <a href="${path}/download?lang=${locale}" download>${t.download}</a>
            <span class="meta">${t.print}</span>
          </p>`
        : ''}
      <nav aria-label="${t.contents}">
        <h2 class="contents-heading">${t.contents}</h2>
        <ol>
          <li><a href="#who">${t.whoAnswered}</a></li>
          ${content.charts.length > 0 ? html`<li><a href="#answers">${t.answers}</a></li>` : ''}
          ${content.knowledge ? html`<li><a href="#knowledge">${t.knowledge}</a></li>` : ''}
          <li><a href="#how">${t.howToRead}</a></li>
        </ol>
      </nav>
    </section>
    <section class="part" id="who" aria-labelledby="who-h">
      <h2 id="who-h">${t.whoAnswered}</h2>
      ${whoAnswered(content, locale, label)}
    </section>
    ${content.charts.length > 0
      ? html`<section class="part" id="answers" aria-labelledby="answers-h">
          <h2 id="answers-h">${t.answers}</h2>
          ${content.charts.map((chart) => questionChart(chart, content, locale, label))}
        </section>`
      : ''}
    ${knowledgeSection(content, locale, label)}
    <section class="part" id="how" aria-labelledby="how-h">
      <h2 id="how-h">${t.howToRead}</h2>
      ${t.howToReadText(content.minGroupSize).map((p) => html`<p>${p}</p>`)}
    </section>
  </main>
  <footer>${t.platform}</footer>`
  return pageShell({ locale, title, path, body })
}

function summary(texts: Texts | undefined, locale: ReportLocale) {
  const text = inLocale(texts, locale).trim()
  if (!text) return ''
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean)
  return html`<div class="summary">${paragraphs.map((p) => html`<p>${p}</p>`)}</div>`
}

type Labeller = ReturnType<typeof labeller>

/** Question titles and value labels in the reader's language, from the questionnaire. */
function labeller(content: ReportContent, locale: ReportLocale) {
  const entries = new Map<string, CodebookEntry>()
  for (const entry of content.codebook.entries) if (!entry.parent) entries.set(entry.name, entry)
  const levels = new Map(content.codebook.levels.map((level) => [level.name, level]))
  return {
    entry: (question: string) => entries.get(question),
    question: (question: string) => {
      const own = entries.get(question)
      if (own) return inLocale(own.title, locale) || question
      // A checklist scored per option has a quiz item per choice, "indicators.fear_anxiety"
      // (server/domain/score-quiz.ts): the question's title and the choice's text.
      const [owner, choice] = [question.slice(0, question.indexOf('.')), question.split('.')[1]]
      const parent = entries.get(owner)
      if (!parent || choice === undefined) return question
      const text = inLocale(parent.values.find((v) => v.value === choice)?.label, locale) || choice
      return `${inLocale(parent.title, locale)}: ${text}`
    },
    /** A dimension's short name (sector, region, profession), else its question or level. */
    dimension: (name: string) =>
      chrome[locale].dimensions[name] ??
      (inLocale(entries.get(name)?.title ?? levels.get(name)?.title, locale) || name),
    value: (question: string, value: string) => {
      const listed = (entries.get(question)?.values ?? levels.get(question)?.groups)?.find(
        (v) => v.value === value,
      )
      return inLocale(listed?.label, locale) || value
    },
  }
}

/** The table asked for, then the same by each level of its dimensions (region by area). */
function whoAnswered(content: ReportContent, locale: ReportLocale, label: Labeller) {
  const t = chrome[locale]
  const tables = [content.table, ...content.levelTables].map((table) =>
    groupTable(table, content, locale, label),
  )
  return html`<p class="note">${t.hiddenNote(content.minGroupSize)}</p>
    ${tables.map((table) => table.markup)}
    ${tables.some((table) => table.shown) ? html`<p class="note">${t.emptyLeftOut(tables.length)}</p>` : ''}`
}

function groupTable(
  { by, groups, margins }: ReportTable,
  content: ReportContent,
  locale: ReportLocale,
  label: Labeller,
): { markup: HtmlEscapedString; shown: boolean } {
  const t = chrome[locale]
  const allHidden = () => result(html`<p>${t.allHidden}</p>`, false)
  const hiddenCell = html`<td class="hidden-cell">–<span class="sr-only"> ${t.hidden}</span></td>`
  const cell = (g: TableGroup | undefined) =>
    !g || g.suppressed ? hiddenCell : html`<td>${formatNumber(locale, g.n ?? 0)}</td>`
  const total = html`<td class="total">${formatNumber(locale, content.n)}</td>`
  // A value whose every figure is hidden says nothing: left out, and said so.
  const shownValues = (dim: string, tables: TableGroup[][]) => [
    ...new Set(tables.flat().filter((g) => !g.suppressed).map((g) => g.key[dim])),
  ]
  const table = (caption: string, head: HtmlEscapedString, rows: HtmlEscapedString[]) =>
    html`<div class="table-wrap" role="region" aria-label="${caption}" tabindex="0">
      <table>
        <caption>${caption}</caption>
        <thead>${head}</thead>
        <tbody>${rows}</tbody>
      </table>
    </div>`
  if (by.length === 1) {
    const [dim] = by
    const values = shownValues(dim, [groups])
    if (values.length === 0) return allHidden()
    const find = (v: string) => groups.find((g) => g.key[dim] === v)
    return result(
      table(
        t.tableCaption1(label.dimension(dim)),
        html`<tr>
          <th scope="col">${label.dimension(dim)}</th>
          <th scope="col">${t.respondents}</th>
        </tr>`,
        [
          ...values.map(
            (v) => html`<tr><th scope="row">${label.value(dim, v)}</th>${cell(find(v))}</tr>`,
          ),
          html`<tr class="total-row"><th scope="row">${t.total}</th>${total}</tr>`,
        ],
      ),
    )
  }
  const [a, b] = by
  const shownOf = (dim: string) => shownValues(dim, [groups, margins[dim] ?? []])
  // In the order asked (sector x region), unless that makes the table wider than it is long.
  const [rows, cols] = shownOf(b).length > shownOf(a).length ? [b, a] : [a, b]
  const rowValues = shownOf(rows)
  const colValues = shownOf(cols)
  if (rowValues.length === 0 && colValues.length === 0) return allHidden()
  const find = (r: string, c: string) => groups.find((g) => g.key[rows] === r && g.key[cols] === c)
  const margin = (dim: string, v: string) => margins[dim]?.find((g) => g.key[dim] === v)
  const caption = t.tableCaption(label.dimension(rows), label.dimension(cols))
  return result(
    table(
      caption,
      html`<tr>
        <th scope="col">${label.dimension(rows)} / ${label.dimension(cols)}</th>
        ${colValues.map((c) => html`<th scope="col">${label.value(cols, c)}</th>`)}
        <th scope="col">${t.total}</th>
      </tr>`,
      [
        ...rowValues.map(
          (r) => html`<tr>
            <th scope="row">${label.value(rows, r)}</th>
            ${colValues.map((c) => cell(find(r, c)))}${cell(margin(rows, r))}
          </tr>`,
        ),
        html`<tr class="total-row">
          <th scope="row">${t.total}</th>
          ${colValues.map((c) => cell(margin(cols, c)))}${total}
        </tr>`,
      ],
    ),
  )
}

/** A rendered table, and whether it shows any group (the note on left-out groups then). */
const result = (markup: HtmlEscapedString, shown = true) => ({ markup, shown })

function questionChart(
  chart: ChartFigures,
  content: ReportContent,
  locale: ReportLocale,
  label: Labeller,
) {
  const t = chrome[locale]
  const listed = label.entry(chart.question)?.values.map((v) => v.value) ?? []
  // Every listed choice, none answered included; then anything else counted (number bins).
  const values = [...listed, ...Object.keys(chart.counts).filter((v) => !listed.includes(v))]
  const answered = Object.values(chart.counts).reduce((sum, n) => sum + n, 0)
  const base = chart.multiple ? content.n : answered
  const bars = values.map((value) => {
    const count = chart.counts[value] ?? 0
    const share = base > 0 ? count / base : 0
    return {
      label: label.value(chart.question, value),
      share,
      text: `${formatNumber(locale, count)} (${formatPercent(locale, share)})`,
    }
  })
  const median =
    chart.median !== undefined ? `, ${t.median} ${formatNumber(locale, chart.median, 1)}` : ''
  const notes = [
    chart.multiple ? t.multipleNote : t.chartOf(formatNumber(locale, answered)),
    chart.mean !== undefined ? `${t.mean} ${formatNumber(locale, chart.mean, 1)}${median}.` : '',
  ]
  return barChart(label.question(chart.question), bars, notes.filter(Boolean).join(' '))
}

function knowledgeSection(content: ReportContent, locale: ReportLocale, label: Labeller) {
  const knowledge = content.knowledge
  if (!knowledge) return ''
  const t = chrome[locale]
  type Item = NonNullable<ReportContent['knowledge']>['items'][number]
  const bar = (item: Item, text: string) => ({
    label: text,
    share: item.share ?? 0,
    text: `${formatPercent(locale, item.share ?? 0)} (${formatNumber(locale, item.correct)}/${
      formatNumber(locale, item.n)
    })`,
  })
  const shown = knowledge.items.filter((item) => item.share !== null)
  // A checklist scored per option ("indicators.fear_anxiety") gets a chart of its own, its bars
  // named by choice, rather than repeating the question on every bar.
  const ownerOf = (name: string) => (name.includes('.') ? name.slice(0, name.indexOf('.')) : '')
  const owners = [...new Set(shown.map((item) => ownerOf(item.name)).filter(Boolean))]
  const charts = [
    barChart(
      t.shareCorrect,
      shown
        .filter((item) => !ownerOf(item.name))
        .map((item) => bar(item, label.question(item.name))),
    ),
    ...owners.map((owner) =>
      barChart(
        `${t.shareCorrect}: ${label.question(owner)}`,
        shown
          .filter((item) => ownerOf(item.name) === owner)
          .map((item) => bar(item, label.value(owner, item.name.slice(owner.length + 1)))),
      ),
    ),
  ]
  return html`<section class="part" id="knowledge" aria-labelledby="knowledge-h">
    <h2 id="knowledge-h">${t.knowledge}</h2>
    ${knowledge.score
      ? html`<p class="knowledge-score lead">
          ${t.score(
            formatNumber(locale, knowledge.score.mean, 1),
            formatNumber(locale, knowledge.score.max),
          )}
        </p>`
      : ''}
    ${charts}
  </section>`
}
