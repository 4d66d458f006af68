import { NodeType, parse, type HTMLElement, type Node } from 'node-html-parser'
import { describe, expect, it } from 'vitest'
import { buildCodebook } from '../server/domain/codebook.js'
import { BUNDLED_SLUG, createTestContext, createUser, signedInClient, signIn } from './helpers.js'
import { answerFixture, FREE_TEXT } from './reports-fixtures.js'

// Every number the report page shows is held to what GET .../aggregates and .../knowledge answer
// for the release: the table cell by cell (hidden ones included), each bar, the knowledge figures;
// then any other number left on the page must be one of those already checked.

const PASSWORD = 'correct horse battery staple'
const base = `/api/admin/surveys/${BUNDLED_SLUG}`

type Group = { key: Record<string, string>; suppressed: boolean; n?: number }

async function published(options: Record<string, unknown> = {}) {
  const ctx = await createTestContext()
  await createUser(ctx.db, 'anna', 'admin', PASSWORD)
  const admin = signedInClient(ctx.app, await signIn(ctx.app, 'anna', PASSWORD))
  await answerFixture(ctx.app)
  expect((await admin.post(`${base}/releases`)).status).toBe(201)
  const { url } = await (await admin.post(`${base}/releases/1/report`, options)).json()
  const json = async (path: string) => (await admin.get(`${base}/${path}`)).json()
  const api = {
    cross: await json('aggregates?release=1&by=sector,region'),
    sector: await json('aggregates?release=1&by=sector'),
    region: await json('aggregates?release=1&by=region'),
    areaCross: await json('aggregates?release=1&by=sector,region.area'),
    area: await json('aggregates?release=1&by=region.area'),
    knowledge: await json('knowledge?release=1'),
  }
  const survey = await admin.get(base)
  const codebook = buildCodebook((await survey.json()).definition)
  return { ...ctx, url: url as string, api, codebook }
}

/** Numbers as the English page writes them: "1,234", "8.7", "23%". */
const numbersIn = (text: string) =>
  [...text.matchAll(/\d[\d,]*(\.\d+)?/g)].map((m) => Number(m[0].replace(/,/g, '')))

/** Each text node on its own: adjacent cells' digits must not run together. */
const textNodes = (node: Node): string[] =>
  node.nodeType === NodeType.TEXT_NODE ? [node.text] : node.childNodes.flatMap(textNodes)

const cellNumber = (cell: HTMLElement) =>
  cell.classList.contains('hidden-cell') ? 'hidden' : Number(cell.text.replace(/,/g, ''))

describe('the numbers on a report page', () => {
  it('are those the aggregates and knowledge endpoints publish for the release, and no others', async () => {
    const { app, url, api, codebook } = await published()
    const html = await (await app.request(`${url}?lang=en`)).text()
    const main = parse(html).querySelector('main')!
    const entry = (name: string) => codebook.entries.find((e) => e.name === name && !e.parent)!
    const valueOf = (question: string, label: string) =>
      entry(question).values.find((v) => v.label.en === label)?.value ?? label
    const questionOf = (title: string) => codebook.entries.find((e) => e.title.en === title)!.name
    const checked = new Set<number>()
    const check = (shown: number | 'hidden', published: Group | undefined) => {
      if (shown === 'hidden') return expect(published?.suppressed ?? true).toBe(true)
      expect(published?.suppressed).toBe(false)
      expect(shown).toBe(published!.n)
      checked.add(shown)
    }

    // The cover: how many answered.
    const lead = main.querySelector('.lead')!.text
    expect(numbersIn(lead)[0]).toBe(api.cross.total.n)
    checked.add(api.cross.total.n)

    // The table, cell by cell, with its margins and total.
    const table = main.querySelectorAll('#who table')[0]
    const cols = table.querySelectorAll('thead th').slice(1, -1).map((th) => valueOf('region', th.text))
    const findCross = (sector: string, region: string) =>
      api.cross.groups.find((g: Group) => g.key.sector === sector && g.key.region === region)
    const rows = table.querySelectorAll('tbody tr')
    for (const row of rows.slice(0, -1)) {
      const sector = valueOf('sector', row.querySelector('th')!.text)
      const cells = row.querySelectorAll('td').map(cellNumber)
      cols.forEach((region, i) => check(cells[i], findCross(sector, region)))
      check(cells.at(-1)!, api.sector.groups.find((g: Group) => g.key.sector === sector))
    }
    const totals = rows.at(-1)!.querySelectorAll('td').map(cellNumber)
    cols.forEach((region, i) =>
      check(totals[i], api.region.groups.find((g: Group) => g.key.region === region)),
    )
    expect(totals.at(-1)).toBe(api.cross.total.n)
    // Every published cell is in the table; hidden cells are marked as such.
    const shownCells = api.cross.groups.filter((g: Group) => !g.suppressed)
    expect(shownCells.length).toBeGreaterThan(0)
    expect(table.querySelectorAll('td.hidden-cell').length).toBeGreaterThan(0)
    for (const g of shownCells) expect(cols).toContain(g.key.region)

    // Then the same by collaborative area (the questionnaire's level of region), cell by cell.
    const tables = main.querySelectorAll('#who table')
    expect(tables).toHaveLength(2)
    const areaOf = (label: string) =>
      codebook.levels.find((l) => l.name === 'region.area')!.groups.find((g) => g.label.en === label)!
        .value
    const [rowTitle] = tables[1].querySelector('thead th')!.text.split(' / ')
    const areaRows = rowTitle === 'Collaborative area'
    const areaCols = tables[1].querySelectorAll('thead th').slice(1, -1).map((th) => th.text)
    const findArea = (sector: string, area: string) =>
      api.areaCross.groups.find((g: Group) => g.key.sector === sector && g.key['region.area'] === area)
    const sectorMargin = (sector: string) => api.sector.groups.find((g: Group) => g.key.sector === sector)
    const areaMargin = (area: string) => api.area.groups.find((g: Group) => g.key['region.area'] === area)
    const areaTableRows = tables[1].querySelectorAll('tbody tr')
    for (const row of areaTableRows.slice(0, -1)) {
      const head = row.querySelector('th')!.text
      const cells = row.querySelectorAll('td').map(cellNumber)
      areaCols.forEach((col, i) =>
        check(
          cells[i],
          areaRows
            ? findArea(valueOf('sector', col), areaOf(head))
            : findArea(valueOf('sector', head), areaOf(col)),
        ),
      )
      check(cells.at(-1)!, areaRows ? areaMargin(areaOf(head)) : sectorMargin(valueOf('sector', head)))
    }
    const areaTotals = areaTableRows.at(-1)!.querySelectorAll('td').map(cellNumber)
    areaCols.forEach((col, i) =>
      check(areaTotals[i], areaRows ? sectorMargin(valueOf('sector', col)) : areaMargin(areaOf(col))),
    )
    expect(api.areaCross.groups.some((g: Group) => !g.suppressed)).toBe(true)

    // Each chart: counts and shares from the release's total.
    const charts = main.querySelectorAll('#answers figure')
    expect(charts.length).toBeGreaterThan(3)
    for (const figure of charts) {
      const question = questionOf(figure.querySelector('figcaption')!.text)
      const counts = api.cross.total.questions[question].counts as Record<string, number>
      const answered = Object.values(counts).reduce((a, b) => a + b, 0)
      const shareBase = entry(question).multiple ? api.cross.total.n : answered
      for (const li of figure.querySelectorAll('li')) {
        const value = valueOf(question, li.querySelector('.bar-label')!.text)
        const [count, percent] = numbersIn(li.querySelector('.bar-value')!.text)
        expect(count).toBe(counts[value] ?? 0)
        expect(percent).toBe(Math.round((100 * count) / shareBase))
        checked.add(count).add(percent)
      }
      const note = figure.querySelector('.chart-note')!.text
      const stats = api.cross.total.questions[question]
      for (const n of numbersIn(note)) {
        const expected = [answered, stats.mean, stats.median].map((x) => Math.round((x ?? NaN) * 10) / 10)
        expect(expected).toContain(n)
        checked.add(n)
      }
    }

    // Knowledge: the mean score and each item's share, from the knowledge endpoint.
    const knowledge = api.knowledge.total
    const [mean, max] = numbersIn(main.querySelector('.knowledge-score')!.text)
    expect(mean).toBe(Math.round(knowledge.score.mean * 10) / 10)
    expect(max).toBe(knowledge.score.max)
    checked.add(mean).add(max)
    const items = main.querySelectorAll('#knowledge li')
    expect(items).toHaveLength(knowledge.items.length)
    const shareCorrect = 'Share who answered correctly'
    for (const figure of main.querySelectorAll('#knowledge figure')) {
      const caption = figure.querySelector('figcaption')!.text
      // A checklist scored per option: its own chart, one bar per choice ("question.choice").
      const owner =
        caption === shareCorrect ? null : questionOf(caption.slice(shareCorrect.length + 2))
      for (const li of figure.querySelectorAll('li')) {
        const text = li.querySelector('.bar-label')!.text
        const name = owner ? `${owner}.${valueOf(owner, text)}` : questionOf(text)
        const item = knowledge.items.find((it: { name: string }) => it.name === name)
        const [percent, correct, n] = numbersIn(li.querySelector('.bar-value')!.text)
        expect([percent, correct, n]).toEqual([Math.round(item.share * 100), item.correct, item.n])
        checked.add(percent).add(correct).add(n)
      }
    }

    // Whatever else has digits: only figures checked above, k, and the month's year. Labels are
    // the questionnaire's own texts (e.g. a rating's "1".."5"), so they are left out.
    for (const label of main.querySelectorAll('th, .bar-label, figcaption')) label.remove()
    const allowed = new Set([...checked, api.cross.minGroupSize, 2026])
    for (const text of textNodes(main)) {
      for (const n of numbersIn(text)) expect(allowed, `unexplained ${n} in "${text}"`).toContain(n)
    }
  })

  it('never show free text nor a hidden group, in any language or the download', async () => {
    const { app, url, api } = await published({ questions: ['training_received'] })
    const hidden = api.cross.groups.filter((g: Group) => g.suppressed)
    expect(hidden.length).toBeGreaterThan(0)
    for (const path of ['?lang=fi', '?lang=sv', '?lang=en', '/download?lang=sv']) {
      const html = await (await app.request(`${url}${path}`)).text()
      expect(html).not.toContain(FREE_TEXT)
      const table = parse(html).querySelector('#who table')!
      // Social services in Lappi has 2 respondents: in no cell, under any label.
      for (const cell of table.querySelectorAll('td')) expect(cell.text.trim()).not.toBe('2')
    }
  })
})
