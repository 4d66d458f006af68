import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { hasChromium, readResponses, screenshot, SURVEY_SLUG } from './helpers'
import { answerWithKeyboard, describeFocus, focusIsIn, tabTo } from './keyboard'
import { useBrowser } from './session'

// Follow-up questions only appear after this answer: the walk covers the branch.
const PREFERRED: Record<string, string> = { met_possible_victim: 'yes' }

describe.skipIf(!hasChromium)('the survey with the keyboard only', () => {
  const { server, browser } = useBrowser()

  const visibleQuestions = (page: Page) =>
    page.$$eval('.sd-page .sd-question[data-name]', (nodes) =>
      nodes
        .filter((node) => (node as HTMLElement).offsetParent !== null)
        .map((node) => node.getAttribute('data-name') ?? ''),
    )

  const focusedQuestion = (page: Page) =>
    page.evaluate(() => document.activeElement?.closest('[data-name]')?.getAttribute('data-name'))

  /** Answers the page top to bottom; answers can reveal follow-ups below, so it looks again. */
  async function answerPage(page: Page): Promise<string[]> {
    const answered: string[] = []
    for (let round = 0; round < 20; round++) {
      const next = (await visibleQuestions(page)).find((name) => !answered.includes(name))
      if (!next) return answered
      await answerWithKeyboard(page, next, PREFERRED[next])
      answered.push(next)
    }
    throw new Error('Questions kept appearing on this page')
  }

  it('completes the bundled survey in Swedish without a mouse', { timeout: 90_000 }, async () => {
    const context = await browser().newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'en-GB',
    })
    const page = await context.newPage()
    await page.goto(`${server().baseUrl}/s/${SURVEY_SLUG}`)
    // As a user waits for the page: the start screen takes the focus when it appears, so keys
    // pressed while the survey is loading would go astray.
    await page.locator('.start-screen h1').waitFor()
    await expect.poll(() => focusIsIn(page, '.start-screen h1')).toBe(true)

    await tabTo(page, 'button[lang="sv"]')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('sv')
    await tabTo(page, '.start-screen .button-primary')
    await page.keyboard.press('Enter')
    await page.locator('.sd-page .sd-question').first().waitFor()

    // Enter on "Next" with nothing answered: the errors are shown and the page stays.
    await tabTo(page, '.sd-navigation__next-btn')
    await page.keyboard.press('Enter')
    await page.locator('.sd-question__erbox').first().waitFor()
    // The focus goes to the first question to fix, so the keyboard user is not left on "Next".
    const first = (await visibleQuestions(page))[0]
    await expect.poll(() => focusedQuestion(page)).toBe(first)
    await screenshot(page, 'keyboard-01-required-error')

    const answered: string[] = []
    for (let pageNo = 1; ; pageNo++) {
      expect(pageNo, 'the survey should end within 30 pages').toBeLessThan(30)
      answered.push(...(await answerPage(page)))
      if (pageNo === 1) await screenshot(page, 'keyboard-02-first-page-answered')
      const complete = page.locator('.sd-navigation__complete-btn')
      if (await complete.isVisible()) break
      const before = (await visibleQuestions(page))[0]
      await tabTo(page, '.sd-navigation__next-btn')
      await page.keyboard.press('Enter')
      await expect
        .poll(async () => (await visibleQuestions(page))[0], {
          message: `Enter on Next did not move on from ${before}`,
        })
        .not.toBe(before)
      expect(await page.locator('.sd-question__erbox:visible').count()).toBe(0)
    }
    expect(answered).toContain('met_count')
    await screenshot(page, 'keyboard-03-last-page')

    await tabTo(page, '.sd-navigation__complete-btn')
    await page.keyboard.press('Enter')
    await page
      .locator('.sd-completedpage')
      .waitFor()
      .catch(async (error) => {
        throw new Error(`${error}\nfocus: ${await describeFocus(page)}`)
      })
    await screenshot(page, 'keyboard-04-thank-you')

    const rows = readResponses(server().databasePath)
    expect(rows).toHaveLength(1)
    expect(rows[0].locale).toBe('sv')
    const stored = JSON.parse(rows[0].answers)
    expect(stored.met_possible_victim).toBe('yes')
    expect(Object.keys(stored)).toEqual(expect.arrayContaining(answered))
    await context.close()
  })
})
