import { parse, type HTMLElement } from 'node-html-parser'
import { describe, expect, it } from 'vitest'
import { buildCodebook, type Codebook } from '../server/domain/codebook.js'
import { AREAS, definitionWithAreas, levelsBase as base, levelsSetup } from './knowledge/levels-setup.js'

// A report of a survey whose definition groups region into collaborative areas (region.area):
// after the table asked for, the same table by area, labelled in the page's language, every
// number the aggregates' for that `by`. Both engines: levelsSetup is built on createTestContext.

type Group = { key: Record<string, string>; suppressed: boolean; n?: number }
type Locale = 'en' | 'fi' | 'sv'

const TITLES = {
  sector: { en: 'Sector', fi: 'Sektori', sv: 'Sektor' },
  region: { en: 'Region', fi: 'Alue', sv: 'Område' },
  'region.area': { en: 'Collaborative area', fi: 'Yhteistyöalue', sv: 'Samarbetsområde' },
} as Record<string, Record<Locale, string>>
const CAPTIONS = {
  en: 'Respondents by sector and collaborative area',
  fi: 'Vastaajat: sektori ja yhteistyöalue',
  sv: 'Svarande efter sektor och samarbetsområde',
}
const CAPTIONS_MAIN = {
  en: 'Respondents by sector and region',
  fi: 'Vastaajat: sektori ja alue',
  sv: 'Svarande efter sektor och område',
}
const areaLabel = (value: string, locale: Locale) => {
  const { text } = AREAS.find((a) => a.value === value)!
  return locale === 'en' ? text.default : text[locale]
}

async function reported(options: Record<string, unknown>) {
  const s = await levelsSetup()
  await s.answerCells()
  expect((await s.admin.post(`${base}/releases`)).status).toBe(201)
  const res = await s.admin.post(`${base}/releases/1/report`, options)
  expect(res.status).toBe(201)
  const { url } = await res.json()
  const aggregates = async (by: string) =>
    (await (await s.admin.get(`${base}/aggregates?release=1&by=${by}`)).json()) as {
      total: { n: number }
      groups: Group[]
    }
  const page = async (locale: Locale) =>
    parse(await (await s.app.request(`${url}?lang=${locale}`)).text()).querySelector('main')!
  return { ...s, aggregates, page, codebook: buildCodebook(definitionWithAreas()) }
}

const cellNumber = (cell: HTMLElement) =>
  cell.classList.contains('hidden-cell') ? 'hidden' : Number(cell.text.replace(/[,\s\u00a0]/g, ''))

/** Row and column labels of a page in `locale` back to the values they name. */
function labelsIn(locale: Locale, codebook: Codebook) {
  return {
    titleOf: (dim: string) => TITLES[dim][locale],
    valueOf: (dim: string, label: string) => {
      if (dim === 'region.area') return AREAS.find((a) => areaLabel(a.value, locale) === label)!.value
      const entry = codebook.entries.find((e) => e.name === dim && !e.parent)!
      return entry.values.find((v) => v.label[locale] === label)!.value
    },
  }
}

/** A rendered table against the aggregates: every cell, margin and the total is the published n. */
function expectTableOf(
  table: HTMLElement,
  dims: string[],
  published: Record<string, Group[]>,
  total: number,
  { titleOf, valueOf }: ReturnType<typeof labelsIn>,
) {
  const check = (shown: number | 'hidden', group: Group | undefined, where: string) => {
    if (shown === 'hidden') expect(group?.suppressed ?? true, where).toBe(true)
    else expect([group?.suppressed, group?.n], where).toEqual([false, shown])
  }
  const find = (by: string[], key: Record<string, string>) =>
    published[by.join(',')].find((g) => by.every((d) => g.key[d] === key[d]))
  const rows = table.querySelectorAll('tbody tr')
  let cells = 0
  if (dims.length === 1) {
    const [dim] = dims
    for (const row of rows.slice(0, -1)) {
      const value = valueOf(dim, row.querySelector('th')!.text)
      check(cellNumber(row.querySelector('td')!), find([dim], { [dim]: value }), value)
      cells++
    }
  } else {
    // Rows and columns as the page chose them: "Sector / Collaborative area".
    const corner = table.querySelector('thead th')!.text.split(' / ')
    const [rowDim, colDim] = corner.map((title) => dims.find((d) => titleOf(d) === title)!)
    expect(new Set([rowDim, colDim])).toEqual(new Set(dims))
    const heads = table.querySelectorAll('thead th').slice(1, -1)
    const cols = heads.map((th) => valueOf(colDim, th.text))
    for (const row of rows.slice(0, -1)) {
      const r = valueOf(rowDim, row.querySelector('th')!.text)
      const shown = row.querySelectorAll('td').map(cellNumber)
      cols.forEach((c, i) => check(shown[i], find(dims, { [rowDim]: r, [colDim]: c }), `${r} ${c}`))
      check(shown.at(-1)!, find([rowDim], { [rowDim]: r }), r)
      cells += shown.length
    }
    const totals = rows.at(-1)!.querySelectorAll('td').map(cellNumber)
    cols.forEach((c, i) => check(totals[i], find([colDim], { [colDim]: c }), c))
  }
  expect(cellNumber(rows.at(-1)!.querySelector('td.total')!)).toBe(total)
  return cells
}

describe('a report of a survey with levels', () => {
  it('follows the sector × region table with sector × area, labelled in each language', async () => {
    const s = await reported({})
    const cross = await s.aggregates('sector,region.area')
    const published = {
      'sector,region.area': cross.groups,
      sector: (await s.aggregates('sector')).groups,
      'region.area': (await s.aggregates('region.area')).groups,
    }
    const shownCross = cross.groups.filter((g) => !g.suppressed)
    expect(shownCross.length).toBeGreaterThan(0)
    for (const locale of ['en', 'fi', 'sv'] as const) {
      const tables = (await s.page(locale)).querySelectorAll('#who table')
      expect(tables).toHaveLength(2)
      expect(tables[0].querySelector('caption')!.text).toBe(CAPTIONS_MAIN[locale])
      expect(tables[1].querySelector('caption')!.text).toBe(CAPTIONS[locale])
      const heads = tables[1].querySelectorAll('th').map((th) => th.text)
      // Every area with a shown group is labelled with its name in the page's language.
      for (const g of shownCross) expect(heads).toContain(areaLabel(g.key['region.area'], locale))
      const labels = labelsIn(locale, s.codebook)
      const dims = ['sector', 'region.area']
      expect(expectTableOf(tables[1], dims, published, cross.total.n, labels)).toBeGreaterThan(0)
    }
  })

  it('by region: the area table follows it; by area: the table is by area alone', async () => {
    const byRegion = await reported({ by: ['region'] })
    const areas = await byRegion.aggregates('region.area')
    const tables = (await byRegion.page('sv')).querySelectorAll('#who table')
    expect(tables.map((t) => t.querySelector('caption')!.text)).toEqual([
      'Svarande efter område',
      'Svarande efter samarbetsområde',
    ])
    const labels = labelsIn('sv', byRegion.codebook)
    const published = { 'region.area': areas.groups }
    expect(expectTableOf(tables[1], ['region.area'], published, areas.total.n, labels)).toBe(
      areas.groups.filter((g) => !g.suppressed).length,
    )

    const byArea = await reported({ by: ['region.area'] })
    const only = (await byArea.page('fi')).querySelectorAll('#who table')
    expect(only.map((t) => t.querySelector('caption')!.text)).toEqual([
      'Vastaajat: yhteistyöalue',
    ])
    const fi = labelsIn('fi', byArea.codebook)
    expectTableOf(only[0], ['region.area'], published, areas.total.n, fi)
    // The note under the tables speaks of one table or of both.
    const note = async (page: Awaited<ReturnType<typeof byArea.page>>) =>
      page.querySelectorAll('#who p.note').map((p) => p.text).join(' ')
    expect(await note(await byArea.page('fi'))).toContain('pois taulukosta.')
    expect(await note(await byRegion.page('sv'))).toContain('ur tabellerna.')
  })
})
