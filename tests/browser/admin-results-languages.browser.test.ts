import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { en } from '../../client/admin/i18n/en'
import { fi } from '../../client/admin/i18n/fi'
import { sv } from '../../client/admin/i18n/sv'
import { RESULT_TEXTS } from '../../client/admin/results/texts'
import { allCorrectBundledAnswers } from '../fixtures'
import { ADMIN, ADMIN_ENV, groupsOf, postResponses, releaseAsAdmin } from './admin-helpers'
import { blockingViolations, describeViolations } from './axe'
import { hasChromium, REPO_ROOT, SURVEY_SLUG } from './helpers'
import { useBrowser } from './session'

const SCREENSHOTS = join(REPO_ROOT, 'test-artifacts', 'screenshots')

// Two sectors and several regions: the areas and regions are published with their sizes only.
const PLAN: [number, Record<string, unknown>][] = [
  [6, { sector: 'primary_health_care', profession: 'nurse', region: 'helsinki' }],
  [7, { sector: 'primary_health_care', profession: 'nurse', region: 'pirkanmaa' }],
  [6, { sector: 'social_services', profession: 'nurse', region: 'helsinki' }],
  [6, { sector: 'social_services', profession: 'nurse', region: 'lappi' }],
]

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }
const LAPTOP = { viewport: { width: 1366, height: 900 } }
// The table with the areas' figures (decision 007), named in the page's language.
const FI = { locale: 'fi' as const, t: fi, table: 'Sektori × Yhteistyöalue' }
const SV = { locale: 'sv' as const, t: sv, table: 'Sektor × Samarbetsområde' }
const RUNS = [
  { name: 'Finnish on a 390 x 844 phone', ...FI, device: PHONE },
  { name: 'Finnish on a 1366 x 900 laptop', ...FI, device: LAPTOP },
  { name: 'Swedish on a 390 x 844 phone', ...SV, device: PHONE },
  { name: 'Swedish on a 1366 x 900 laptop', ...SV, device: LAPTOP },
]

/**
 * The English pieces of every results text that this language words otherwise: the parts between
 * placeholders, four letters or more ("Mean score", "Quiz items", "not given (under 30…").
 */
function englishPieces(locale: 'fi' | 'sv'): string[] {
  const english = { ...RESULT_TEXTS.en, questionnaires: en.questionnaires, results: en.results }
  const own: Record<string, string> = {
    ...RESULT_TEXTS[locale],
    questionnaires: (locale === 'fi' ? fi : sv).questionnaires,
    results: (locale === 'fi' ? fi : sv).results,
  }
  return Object.entries(english)
    .filter(([key, text]) => own[key] !== text)
    .flatMap(([, text]) => text.split(/\{\w+\}/))
    .map((piece) => piece.trim())
    .filter((piece) => (piece.match(/[A-Za-z]/g) ?? []).length >= 4)
}

/** What a reader meets in the page's main part: its text and its accessible names. */
const visibleWords = (page: Page) =>
  page.locator('main').evaluate((main) => {
    const names = [...main.querySelectorAll('[aria-label], [title]')].map(
      (e) => `${e.getAttribute('aria-label') ?? ''} ${e.getAttribute('title') ?? ''}`,
    )
    return `${(main as HTMLElement).innerText}\n${names.join('\n')}`
  })

// Whole words only: Swedish "intervall" holds English "interval".
const englishLeft = (words: string, pieces: string[]) =>
  pieces.filter((piece) => {
    const escaped = piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    return new RegExp(`(?<!\\p{L})${escaped}(?!\\p{L})`, 'u').test(words)
  })


describe.skipIf(!hasChromium)('results pages in the admin language', () => {
  const { server, browser } = useBrowser({
    env: ADMIN_ENV,
    setUp: async () => {
      await postResponses(server().baseUrl, SURVEY_SLUG, groupsOf(allCorrectBundledAnswers, PLAN))
      await releaseAsAdmin(server().baseUrl, SURVEY_SLUG)
    },
  })

  it.each(RUNS)('$name', { timeout: 120_000 }, async ({ locale, t, device, name, table }) => {
    const r = RESULT_TEXTS[locale]
    const pieces = englishPieces(locale)
    const context = await browser().newContext({ ...device, locale })
    const page = await context.newPage()
    await page.goto(`${server().baseUrl}/admin/surveys/${SURVEY_SLUG}/results`)
    await page.getByLabel(t.username).fill(ADMIN.username)
    await page.getByLabel(t.password).fill(ADMIN.password)
    await page.getByRole('button', { name: t.signIn }).click()
    await expect.poll(() => page.locator('h1').innerText()).toContain(r.heading.split(':')[0])

    await page.getByRole('button', { name: r.makeRelease }).waitFor()
    await page.locator('table.heatmap').waitFor()
    await page.locator('table.option-table').waitFor()
    // The charts grouped by area: the areas show their sizes only, and the page says where the
    // figures are.
    await page.getByLabel(r.groupChartsBy).selectOption('region.area')
    const charts = page.locator('section[aria-labelledby="questions-title"]')
    await expect.poll(() => charts.locator('.hint').allInnerTexts()).toContainEqual(
      expect.stringContaining(table),
    )
    const overview = await visibleWords(page)
    expect(englishLeft(overview, pieces), 'English on the overview').toEqual([])
    const file = `admin-results-languages-${name.split(' ')[0]}-${device.viewport.width}`
    mkdirSync(SCREENSHOTS, { recursive: true })
    await page.screenshot({ path: join(SCREENSHOTS, `${file}-overview.png`), fullPage: true })
    const width = await page.evaluate(() => document.documentElement.scrollWidth)
    expect(width).toBeLessThanOrEqual(device.viewport.width)
    expect(describeViolations(await blockingViolations(page))).toBe('')

    await page.getByRole('tab', { name: r.knowledge }).click()
    await page.getByLabel(r.compareBy).selectOption('region.area')
    const groups = page.locator('section[aria-labelledby="k-groups"]')
    await expect.poll(() => groups.locator('.hint').allInnerTexts()).toContainEqual(
      expect.stringContaining(table),
    )
    await page.locator('#k-items').waitFor()
    const knowledge = await visibleWords(page)
    expect(knowledge).toContain(r.scoreTitle)
    // Decimal commas, as Finnish and Swedish write them: "21,00".
    const summary = await page.locator('section[aria-labelledby="k-summary"] p').first().innerText()
    expect(summary).toMatch(/\d,\d\d/)
    expect(summary).not.toMatch(/\d\.\d/)
    expect(englishLeft(knowledge, pieces), 'English on the knowledge tab').toEqual([])
    await page.screenshot({ path: join(SCREENSHOTS, `${file}-knowledge.png`), fullPage: true })
    expect(describeViolations(await blockingViolations(page))).toBe('')
    await context.close()
  })
})

// Issue 22: the report's address to share is built from PUBLIC_URL, as the respondent links are.
const PUBLIC_URL = 'https://kysely.example.fi'

describe.skipIf(!hasChromium)('the report link on the results page with PUBLIC_URL set', () => {
  const { server, browser } = useBrowser({
    env: { ...ADMIN_ENV, PUBLIC_URL: `${PUBLIC_URL}/` },
    setUp: async () => {
      await postResponses(server().baseUrl, SURVEY_SLUG, groupsOf(allCorrectBundledAnswers, PLAN))
      await releaseAsAdmin(server().baseUrl, SURVEY_SLUG)
    },
  })

  it('shows the public address and opens the report here', { timeout: 90_000 }, async () => {
    const context = await browser().newContext({ ...LAPTOP, locale: 'en-GB' })
    const page = await context.newPage()
    await page.goto(`${server().baseUrl}/admin/surveys/${SURVEY_SLUG}/results`)
    await page.getByLabel(en.username).fill(ADMIN.username)
    await page.getByLabel(en.password).fill(ADMIN.password)
    await page.getByRole('button', { name: en.signIn }).click()
    await page.getByText('Publish release 1 as a report').click()
    await page.getByRole('button', { name: 'Publish', exact: true }).click()
    await page.getByText('Report published.').waitFor()
    const link = page.locator('.report-panel a[href^="/r/"]')
    const href = (await link.getAttribute('href')) ?? ''
    expect(href).toMatch(/^\/r\/[A-Za-z0-9_-]{22}$/)
    expect(await link.innerText()).toBe(`${PUBLIC_URL}${href}`)
    await context.close()
  })
})
