import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { fi } from '../../client/admin/i18n/fi'
import { sv } from '../../client/admin/i18n/sv'
import { RESULT_TEXTS } from '../../client/admin/results/texts'
import { allCorrectBundledAnswers } from '../fixtures'
import { ADMIN, ADMIN_ENV, groupsOf, postResponses, releaseAsAdmin } from './admin-helpers'
import { blockingViolations, describeViolations } from './axe'
import { hasChromium, REPO_ROOT, SURVEY_SLUG } from './helpers'
import { useBrowser } from './session'

const SCREENSHOTS = join(REPO_ROOT, 'test-artifacts', 'screenshots')

// Every region at least the smallest group size (5), so no area hides a region by subtraction:
// all six groups of the level are shown, with the sums of their regions.
const same = { sector: 'primary_health_care', profession: 'nurse' }
const PLAN: [number, Record<string, unknown>][] = [
  [6, { ...same, region: 'helsinki' }],
  [5, { ...same, region: 'vantaa_kerava' }],
  [7, { ...same, region: 'pirkanmaa' }],
  [5, { ...same, region: 'varsinais_suomi' }],
  [5, { ...same, region: 'pohjanmaa' }],
  [8, { ...same, region: 'pohjois_savo' }],
  [6, { ...same, region: 'lappi' }],
  [5, { ...same, region: 'ahvenanmaa' }],
]
const TOTAL = PLAN.reduce((sum, [n]) => sum + n, 0)
const AREAS = ['south', 'inland', 'west', 'east', 'north', 'ahvenanmaa']
const COUNTS = [11, 7, 10, 8, 6, 5]

const CASES = {
  'Finnish on a 1366 x 900 laptop': {
    context: { viewport: { width: 1366, height: 900 }, locale: 'fi-FI' },
    t: fi,
    r: RESULT_TEXTS.fi,
    rows: 'Rivit',
    columns: 'Sarakkeet',
    area: 'Yhteistyöalue',
    noStatistics: 'vain ryhmän koko näytetään pienen ryhmän suojaamiseksi',
    names: [
      'Etelä-Suomi',
      'Sisä-Suomi',
      'Länsi-Suomi',
      'Itä-Suomi',
      'Pohjois-Suomi',
      'Ahvenanmaa',
    ],
    file: 'fi-laptop',
  },
  'Swedish on a 390 x 844 phone': {
    context: {
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: 'sv-SE',
    },
    t: sv,
    r: RESULT_TEXTS.sv,
    rows: 'Rader',
    columns: 'Kolumner',
    area: 'Samarbetsområde',
    noStatistics: 'endast gruppens storlek visas, för att skydda en liten grupp',
    names: [
      'Södra Finland',
      'Inre Finland',
      'Västra Finland',
      'Östra Finland',
      'Norra Finland',
      'Åland',
    ],
    file: 'sv-phone',
  },
}


const optionValues = (page: Page, label: string) =>
  page
    .getByLabel(label, { exact: true })
    .locator('option')
    .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))

describe.skipIf(!hasChromium)('researchers group the results by collaborative area', () => {
  const { server, browser } = useBrowser({
    env: ADMIN_ENV,
    setUp: async () => {
      await postResponses(server().baseUrl, SURVEY_SLUG, groupsOf(allCorrectBundledAnswers, PLAN))
      await releaseAsAdmin(server().baseUrl, SURVEY_SLUG)
    },
  })

  it.each(Object.entries(CASES))('in %s', { timeout: 120_000 }, async (_, setup) => {
    const context = await browser().newContext(setup.context)
    const page = await context.newPage()
    await page.goto(`${server().baseUrl}/admin/surveys/${SURVEY_SLUG}/results`)
    await page.getByLabel(setup.t.username).fill(ADMIN.username)
    await page.getByLabel(setup.t.password).fill(ADMIN.password)
    await page.getByRole('button', { name: setup.t.signIn }).click()
    await page.locator('table.heatmap').waitFor()

    // The level sits right after its dimension, titled in the page's language.
    const rows = page.getByLabel(setup.rows, { exact: true })
    expect(await optionValues(page, setup.rows)).toEqual([
      'sector',
      'region',
      'region.area',
      'profession',
    ])
    expect(await rows.locator('option[value="region.area"]').innerText()).toBe(setup.area)

    await rows.selectOption('region.area')
    await page.getByLabel(setup.columns, { exact: true }).selectOption('')
    // Never crossed with its own dimension: region is not offered as columns.
    expect(await optionValues(page, setup.columns)).toEqual(['', 'sector', 'profession'])
    const table = page.locator('table.heatmap')
    await expect.poll(() => table.locator('tbody tr').count()).toBe(AREAS.length)
    expect(await table.locator('tbody th').allInnerTexts()).toEqual(setup.names)
    const decimal = (n: number) => ((n / TOTAL) * 100).toFixed(1).replace('.', ',')
    expect(await table.locator('tbody td').allInnerTexts()).toEqual(
      COUNTS.map((n) => `${n} (${decimal(n)} %)`),
    )
    expect(await page.locator('#heatmap-title').innerText()).toBe(setup.area)
    // The server's own groups: the page shows what the release published for the level.
    const published = (await page.evaluate(
      async (path) => (await fetch(path)).json(),
      `/api/admin/surveys/${SURVEY_SLUG}/aggregates?by=region.area`,
    )) as {
      by: string[]
      groups: { key: Record<string, string>; n?: number; questions?: object }[]
    }
    expect(published.by).toEqual(['region.area'])
    expect(published.groups.map((g) => [g.key['region.area'], g.n])).toEqual(
      AREAS.map((area, i) => [area, COUNTS[i]]),
    )
    // Mean scores: an area published with its size only says so, never "no quiz answers".
    await page.getByRole('button', { name: setup.r.meanKnowledge }).click()
    const cells = table.locator('tbody td')
    await expect.poll(() => cells.first().innerText()).not.toContain('(')
    for (const [i, group] of published.groups.entries()) {
      const cell = cells.nth(i)
      if (Object.keys(group.questions ?? {}).length > 0) {
        expect(await cell.innerText()).toMatch(/^\d+ %$/)
      } else expect(await cell.getAttribute('aria-label')).toBe(setup.noStatistics)
    }
    await page.getByRole('button', { name: setup.r.respondents }).click()

    // The export links ask for the same table.
    const csv = page.locator('.export-panel a[href*="format=csv"]').first()
    expect(await csv.getAttribute('href')).toContain('by=region.area')

    // And the other way round: region as rows offers no area as columns.
    await rows.selectOption('region')
    expect(await optionValues(page, setup.columns)).toEqual(['', 'sector', 'profession'])
    await rows.selectOption('region.area')
    await page.getByLabel(setup.columns, { exact: true }).selectOption('sector')
    await expect.poll(() => page.locator('#heatmap-title').innerText()).toContain(' × ')

    // Nothing makes the page wider than the screen; axe finds nothing blocking.
    const width = await page.evaluate(() => document.documentElement.scrollWidth)
    expect(width).toBeLessThanOrEqual(setup.context.viewport.width)
    // Captions of tables wider than a phone are read whole, not cut at the screen's edge.
    await page.locator('table.option-table').waitFor()
    const captionsRight = await page
      .locator('.table-scroll caption')
      .evaluateAll((captions) => captions.map((c) => c.getBoundingClientRect().right))
    expect(captionsRight.length).toBeGreaterThan(1)
    for (const right of captionsRight) {
      expect(right).toBeLessThanOrEqual(setup.context.viewport.width)
    }
    mkdirSync(SCREENSHOTS, { recursive: true })
    const shot = (step: string) =>
      page.screenshot({
        path: join(SCREENSHOTS, `admin-results-levels-${setup.file}-${step}.png`),
        fullPage: true,
      })
    await shot('1-tables')
    expect(describeViolations(await blockingViolations(page))).toBe('')

    // The charts grouped by area: each area is offered with its answers, or named with its size
    // where the release publishes its size only; never an empty choice.
    await page.getByLabel(setup.r.groupChartsBy).selectOption('region.area')
    const show = page.getByLabel(setup.r.showAnswersOf)
    const charts = page.locator('section[aria-labelledby="questions-title"]')
    await expect.poll(() => charts.innerText()).toContain(setup.names[0])
    const offered = (await show.locator('option').allInnerTexts()).join(' ')
    const chartHints = (await charts.locator('.hint').allInnerTexts()).join(' ')
    setup.names.forEach((name, i) => {
      const item = `${name} (n = ${COUNTS[i]})`
      expect(offered.includes(item) !== chartHints.includes(item), name).toBe(true)
    })
    const values = await show
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean))
    for (const value of values) {
      await show.selectOption(value)
      await expect.poll(() => charts.locator('.question-chart').count()).toBeGreaterThan(0)
    }
    await show.selectOption('')

    // The knowledge tab compares the areas: each one is a row with its figures, or is named
    // with its size where the release publishes its size only (decision 007).
    await page.getByRole('tab', { name: setup.r.knowledge }).click()
    await page.getByLabel(setup.r.compareBy).selectOption('region.area')
    const panel = page.locator('#panel-knowledge')
    const groups = panel.locator('section[aria-labelledby="k-groups"]')
    await expect.poll(() => groups.locator('h3').innerText()).toContain(setup.area.toLowerCase())
    const rowNames = await groups.locator('tbody th').allInnerTexts()
    const hints = (await groups.locator('.hint').allInnerTexts()).join(' ')
    setup.names.forEach((name, i) => {
      const sized = hints.includes(`${name} (n = ${COUNTS[i]})`)
      expect(rowNames.includes(name) || sized, name).toBe(true)
    })
    expect(hints).not.toContain(setup.r.groupsNotShown.replace('{hidden} ', ''))
    await shot('2-knowledge')
    expect(describeViolations(await blockingViolations(page))).toBe('')
    await context.close()
  })
})
