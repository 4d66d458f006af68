import type { Browser, BrowserContext, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { FIXTURE_GROUPS, FREE_TEXT, variedAnswers } from '../reports-fixtures'
import { ADMIN, ADMIN_ENV, makeRelease, postResponses, signIn } from './admin-helpers'
import { blockingViolations, describeViolations } from './axe'
import { hasChromium, screenshot, SURVEY_SLUG } from './helpers'
import { pdfPages, pdfPageSize } from './pdf-text'
import { useBrowser } from './session'

const PHONE = { width: 390, height: 844 }
const LAPTOP = { width: 1366, height: 900 }
const SWEDISH_TITLE = 'Människohandel i vården: resultat 2026'

const fixtureAnswers = () => {
  let i = 0
  return FIXTURE_GROUPS.flatMap(([sector, region, count]) =>
    Array.from({ length: count }, () => variedAnswers(sector, region, i++)),
  )
}

/** A reader's context: no account, JavaScript off, every request and cookie watched. */
async function visitor(context: BrowserContext, baseUrl: string) {
  const page = await context.newPage()
  const elsewhere: string[] = []
  page.on('request', (request) => {
    if (new URL(request.url()).origin !== baseUrl) elsewhere.push(request.url())
  })
  return { page, elsewhere }
}

/**
 * axe runs as script in the page, which a context with JavaScript off never runs (its promise
 * never settles), so the same page is checked in a context with it on: the page has no script.
 */
async function axeViolations(browser: Browser, url: string, viewport: typeof PHONE) {
  const context = await browser.newContext({ viewport, locale: 'sv-FI' })
  const page = await context.newPage()
  await page.goto(url)
  const violations = describeViolations(await blockingViolations(page))
  await context.close()
  return violations
}

describe.skipIf(!hasChromium)('a public report', () => {
  const { server, browser } = useBrowser({
    env: ADMIN_ENV,
    setUp: () => postResponses(server().baseUrl, SURVEY_SLUG, fixtureAnswers()),
  })
  let reportUrl = ''
  let admin: Page

  it('is published by an admin from the results page', { timeout: 90_000 }, async () => {
    const context = await browser().newContext({ viewport: LAPTOP, locale: 'en-GB' })
    admin = await context.newPage()
    await admin.goto(`${server().baseUrl}/admin/surveys/${SURVEY_SLUG}/results`)
    await signIn(admin, ADMIN.username, ADMIN.password)
    await admin.getByText(/responses so far/).waitFor()
    await makeRelease(admin, SURVEY_SLUG)
    await admin.reload()
    await admin.getByText('Publish release 1 as a report').click()
    await admin.getByRole('group', { name: 'Swedish' }).getByLabel('Title').fill(SWEDISH_TITLE)
    await admin.getByRole('button', { name: 'Publish' }).click()
    await admin.getByText('Report published.').waitFor()
    const link = admin.locator('.report-panel a[href^="/r/"]')
    reportUrl = (await link.getAttribute('href')) ?? ''
    expect(reportUrl).toMatch(/^\/r\/[A-Za-z0-9_-]{22}$/)
    await admin.locator('.report-panel').scrollIntoViewIfNeeded()
    await screenshot(admin, 'report-01-admin-published')
  })

  it('is read in Swedish on a phone without an account, script or cookie', { timeout: 60_000 }, async () => {
    const context = await browser().newContext({
      viewport: PHONE,
      locale: 'sv-FI',
      javaScriptEnabled: false,
    })
    const { page, elsewhere } = await visitor(context, server().baseUrl)
    const res = await page.goto(`${server().baseUrl}${reportUrl}`)
    expect(res?.status()).toBe(200)
    expect(await page.getAttribute('html', 'lang')).toBe('sv')
    await expect(page.locator('h1').textContent()).resolves.toBe(SWEDISH_TITLE)
    await page.getByRole('heading', { name: 'Vilka svarade' }).waitFor()
    await page.getByRole('heading', { name: 'Så läser du rapporten' }).waitFor()
    expect(await page.locator('#who td.hidden-cell').count()).toBeGreaterThan(0)
    // Then by collaborative area (the questionnaire's level of region), named in Swedish.
    const areas = page.getByRole('table', { name: 'Svarande efter sektor och samarbetsområde' })
    await areas.getByRole('columnheader', { name: 'Sektor / Samarbetsområde' }).waitFor()
    await areas.getByText('Södra Finland').waitFor()
    expect(await page.locator('#answers figure svg').count()).toBeGreaterThan(10)
    // Ten quiz questions; a checklist scored per option counts as one item per choice.
    expect(await page.locator('#knowledge figure li').count()).toBeGreaterThanOrEqual(10)
    expect(await page.content()).not.toContain(FREE_TEXT)
    // Nothing wider than the phone but the table, which scrolls in its own box.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth)
    expect(overflow).toBeLessThanOrEqual(PHONE.width)
    await screenshot(page, 'report-02-phone-sv')
    expect(await axeViolations(browser(), page.url(), PHONE)).toBe('')
    // The language picker is links: English without script.
    await page.getByRole('link', { name: 'EN English' }).click()
    expect(await page.getAttribute('html', 'lang')).toBe('en')
    expect(await context.cookies()).toEqual([])
    expect(elsewhere).toEqual([])
    await context.close()
  })

  it('prints as a clean A4 PDF: a page per section, no navigation', { timeout: 60_000 }, async () => {
    const context = await browser().newContext({ viewport: LAPTOP, javaScriptEnabled: false })
    const { page, elsewhere } = await visitor(context, server().baseUrl)
    await page.goto(`${server().baseUrl}${reportUrl}?lang=sv`)
    await screenshot(page, 'report-03-laptop-sv')
    expect(await axeViolations(browser(), page.url(), LAPTOP)).toBe('')
    const pdf = new Uint8Array(await page.pdf({ format: 'A4', printBackground: true }))
    const size = await pdfPageSize(pdf.slice())
    expect([Math.round(size.width), Math.round(size.height)]).toEqual([596, 843])
    const pages = await pdfPages(pdf.slice())
    // Each section starts a page: the cover, who answered, the answers (charts run over pages),
    // knowledge, how to read (one page, the last).
    const startsWith = (heading: string) =>
      pages.findIndex((p) => p.trimStart().startsWith(heading))
    expect(pages[0]).toContain(SWEDISH_TITLE)
    expect(pages[0]).toMatch(/53 personer svarade, svar till och med [a-z]+ \d{4}\./)
    expect(startsWith('Vilka svarade')).toBe(1)
    expect(startsWith('Svaren')).toBe(2)
    const knowledge = startsWith('Kunskap')
    expect(knowledge).toBeGreaterThan(2)
    expect(startsWith('Så läser du rapporten')).toBeGreaterThan(knowledge)
    expect(pages).toHaveLength(startsWith('Så läser du rapporten') + 1)
    // The fixture's charts fill two or three pages and the knowledge items one or two.
    expect(pages.length).toBeGreaterThanOrEqual(6)
    expect(pages.length).toBeLessThanOrEqual(9)
    const all = pages.join('\n')
    for (const chrome of ['Startsida', 'Ladda ner rapporten', 'Skriv ut eller spara']) {
      expect(all).not.toContain(chrome)
    }
    expect(all).toContain('Svarande efter sektor och område')
    expect(all).toContain('Svarande efter sektor och samarbetsområde')
    expect(elsewhere).toEqual([])
    await context.close()
  })

  it('is listed on the front page, which is accessible too', { timeout: 60_000 }, async () => {
    for (const [name, viewport] of [['phone', PHONE], ['laptop', LAPTOP]] as const) {
      const context = await browser().newContext({
        viewport,
        locale: 'sv-FI',
        javaScriptEnabled: false,
      })
      const { page, elsewhere } = await visitor(context, server().baseUrl)
      await page.goto(`${server().baseUrl}/`)
      await page.getByRole('link', { name: SWEDISH_TITLE }).waitFor()
      await page.getByRole('link', { name: /Inloggning/ }).waitFor()
      await screenshot(page, `report-04-front-${name}`)
      expect(await axeViolations(browser(), page.url(), viewport)).toBe('')
      expect(await context.cookies()).toEqual([])
      expect(elsewhere).toEqual([])
      await context.close()
    }
  })

  it('once withdrawn by the admin, its link answers 404', { timeout: 60_000 }, async () => {
    await admin.getByRole('button', { name: 'Withdraw report' }).click()
    await admin.getByRole('dialog').getByRole('button', { name: 'Withdraw report' }).click()
    await admin.getByText('Report withdrawn').waitFor()
    await admin.getByText('Publish release 1 as a report').waitFor()
    const context = await browser().newContext({
      viewport: PHONE,
      locale: 'sv-FI',
      javaScriptEnabled: false,
    })
    const page = await context.newPage()
    const res = await page.goto(`${server().baseUrl}${reportUrl}`)
    expect(res?.status()).toBe(404)
    await page.getByRole('heading', { name: /Rapporten finns inte/ }).waitFor()
    await context.close()
    await admin.context().close()
  })
})
