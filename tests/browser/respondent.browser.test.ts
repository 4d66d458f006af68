import type { BrowserContext, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import {
  answerCurrentPage,
  cspViolations,
  hasChromium,
  readProgress,
  readResponses,
  screenshot,
  SURVEY_SLUG,
} from './helpers'
import { useBrowser } from './session'

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }

describe.skipIf(!hasChromium)('respondent app in a phone browser', () => {
  const { server, browser } = useBrowser()

  /** A fresh phone with an English browser; records every URL the page requests. */
  async function openPhone(): Promise<{ context: BrowserContext; page: Page; requests: string[] }> {
    const context = await browser().newContext({ ...PHONE, locale: 'en-GB' })
    const page = await context.newPage()
    const requests: string[] = []
    page.on('request', (request) => requests.push(request.url()))
    return { context, page, requests }
  }

  const hasNoHorizontalScroll = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)

  // Identifies the current survey page without relying on page titles.
  const firstQuestionName = (page: Page) =>
    page.locator('.sd-page .sd-question[data-name]').first().getAttribute('data-name')

  it('takes a Finnish response from start to thank-you', { timeout: 60_000 }, async () => {
    const { context, page, requests } = await openPhone()
    await page.goto(`${server().baseUrl}/s/${SURVEY_SLUG}`)

    // Start screen follows the browser (English), then the respondent picks Finnish.
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en')
    await page.getByRole('button', { name: 'Suomi' }).click()
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('fi')
    await page.getByRole('heading', { name: 'Tietosuoja' }).waitFor()
    const notice = await page.locator('.privacy-notice').innerText()
    expect(notice).toContain('IP-osoitettasi')
    expect(notice).toContain('evästeitä')
    await screenshot(page, 'respondent-01-start-fi')
    await page.getByRole('button', { name: 'Aloita kysely' }).click()

    // A required question left empty blocks the page and nothing is stored.
    await page.locator('.sd-page .sd-question').first().waitFor()
    const firstQuestion = await firstQuestionName(page)
    await page.locator('.sd-navigation__next-btn').click()
    await page.locator('.sd-question__erbox').first().waitFor()
    expect(await firstQuestionName(page)).toBe(firstQuestion)
    expect(readResponses(server().databasePath)).toHaveLength(0)
    await screenshot(page, 'respondent-02-required-error')

    const progress = [await readProgress(page)]
    let answeredFollowUp = false
    for (let pageNo = 1; ; pageNo++) {
      expect(pageNo, 'the survey should end within 30 pages').toBeLessThan(30)
      await page.locator('.sd-page .sd-question').first().waitFor()
      const answered = await answerCurrentPage(page)
      answeredFollowUp ||= answered.includes('met_possible_victim') && answered.length > 1
      expect(await hasNoHorizontalScroll(page)).toBe(true)

      if (pageNo === 1) {
        // Switching language mid-survey keeps the answers.
        await page.getByRole('button', { name: 'Svenska' }).click()
        await expect.poll(() => page.locator('.sd-navigation__next-btn').innerText()).toBe('Nästa')
        expect(await page.locator('.sd-page input:checked').count()).toBeGreaterThan(0)
        await page.getByRole('button', { name: 'Suomi' }).click()
        await screenshot(page, 'respondent-03-first-page-answered')
      }

      const complete = page.locator('.sd-navigation__complete-btn')
      if (await complete.isVisible()) break
      const before = await firstQuestionName(page)
      await page.locator('.sd-navigation__next-btn').click()
      await expect.poll(() => firstQuestionName(page)).not.toBe(before)
      progress.push(await readProgress(page))
    }
    expect(answeredFollowUp, 'met_possible_victim = yes should reveal follow-ups').toBe(true)
    // Every "Next" moves the progress bar forward.
    for (let i = 1; i < progress.length; i++) {
      expect(progress[i], `progress after page ${i}: ${progress}`).toBeGreaterThan(progress[i - 1])
    }
    await screenshot(page, 'respondent-04-last-page')

    // The first send fails (network down): the respondent is told and can retry.
    await page.route('**/responses', (route) => route.abort('internetdisconnected'))
    await page.locator('.sd-navigation__complete-btn').click()
    const retry = page.getByRole('button', { name: 'Yritä uudelleen' })
    await retry.waitFor()
    expect(await page.locator('.submit-error').innerText()).toContain('verkkoyhteys')
    expect(await page.locator('.sd-completedpage').count()).toBe(0)
    expect(readResponses(server().databasePath)).toHaveLength(0)
    await screenshot(page, 'respondent-05-send-failed')
    await page.unroute('**/responses')
    await retry.click()

    await page.locator('.sd-completedpage').waitFor()
    expect(await page.locator('.sd-completedpage').innerText()).toContain('Kiitos')
    expect(await page.locator('.sd-navigation__complete-btn').count()).toBe(0)
    expect(await hasNoHorizontalScroll(page)).toBe(true)
    await screenshot(page, 'respondent-06-thank-you')

    const rows = readResponses(server().databasePath)
    expect(rows).toHaveLength(1)
    expect(rows[0].locale).toBe('fi')
    expect(rows[0].submitted_on).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(JSON.parse(rows[0].answers)).toMatchObject({ met_possible_victim: 'yes' })

    // Privacy: only the server's own origin was contacted, and nothing was left behind.
    const origin = new URL(server().baseUrl).origin
    const foreign = requests.filter(
      (url) => !url.startsWith('data:') && new URL(url).origin !== origin,
    )
    expect(foreign).toEqual([])
    expect(await context.cookies()).toEqual([])
    const storage = await page.evaluate(() => localStorage.length + sessionStorage.length)
    expect(storage).toBe(0)
    await context.close()
  })

  it('runs under the Content-Security-Policy: inline script is refused', async () => {
    const { context, page } = await openPhone()
    const response = await page.goto(`${server().baseUrl}/s/${SURVEY_SLUG}`)
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'")
    await page.getByRole('button', { name: 'Start the survey' }).waitFor()

    const before = cspViolations.length
    const violated = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          document.addEventListener('securitypolicyviolation', (event) =>
            resolve(event.effectiveDirective),
          )
          const script = document.createElement('script')
          script.textContent = 'document.title = "inline script ran"'
          document.head.append(script)
        }),
    )
    expect(violated).toBe('script-src-elem')
    expect(await page.title()).not.toBe('inline script ran')
    // The watcher behind every file's "no CSP violation" check saw it too; it was on purpose.
    await expect.poll(() => cspViolations.length).toBeGreaterThan(before)
    cspViolations.splice(before)
    await context.close()
  })

  it('shows a friendly page for a survey that is not open', { timeout: 60_000 }, async () => {
    const { context, page } = await openPhone()
    await page.goto(`${server().baseUrl}/s/no-such-survey`)
    await page.getByRole('heading', { name: 'This survey is not open' }).waitFor()
    await page.getByRole('button', { name: 'Svenska' }).click()
    await page.getByRole('heading', { name: 'Enkäten är inte öppen' }).waitFor()
    expect(await page.locator('html').getAttribute('lang')).toBe('sv')
    await screenshot(page, 'respondent-07-not-open-sv')
    await context.close()
  })
})
