// Issue 22, respondents: start page, "page X of Y", Back between pages, asking before leaving,
// rating buttons on phones, and a thank-you page with the helpline, the contact and the quiz
// answers; on a phone and a laptop, in Finnish and Swedish, with axe on every screen.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { blockingViolations, describeViolations } from './axe'
import { hasChromium, REPO_ROOT, SURVEY_SLUG } from './helpers'
import { useBrowser } from './session'

const ARTIFACTS = join(REPO_ROOT, 'test-artifacts', 'screenshots')
const DEVICES = {
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
  laptop: { viewport: { width: 1366, height: 900 } },
} as const

const TEXT = {
  fi: {
    title: 'Ihmiskauppa: tietämys ja koulutustarpeet sosiaali- ja terveydenhuollossa',
    time: '10 minuuttia',
    organiser: 'Kyselyn tekijä',
    start: 'Aloita kysely',
    page: (n: number) => `Sivu ${n}/7`,
    next: 'Seuraava',
    complete: 'Valmis',
    helpline: 'Jos epäilet ihmiskauppaa',
    wrong: 'Väärin',
    correctAnswer: 'Oikea vastaus: Ei totta',
    score: /Vastasit oikein (\d+)\/21\./,
  },
  sv: {
    title: 'Människohandel: kunskap och utbildningsbehov inom social- och hälsovården',
    time: '10 minuter',
    organiser: 'Enkäten görs av',
    start: 'Starta enkäten',
    page: (n: number) => `Sida ${n}/7`,
    next: 'Nästa',
    complete: 'Slutför',
    helpline: 'Om du misstänker människohandel',
    wrong: 'Fel',
    correctAnswer: 'Rätt svar: Falskt',
    score: /Du svarade rätt på (\d+) av 21\./,
  },
} as const

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true })
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true })
}

async function expectAccessible(page: Page, screen: string): Promise<void> {
  expect.soft(describeViolations(await blockingViolations(page)), `axe on ${screen}`).toBe('')
}

const progressText = (page: Page) => page.locator('.survey-progress p').innerText()
const firstQuestion = (page: Page) =>
  page.locator('.sd-page .sd-question[data-name]').first().getAttribute('data-name')
const hasNoHorizontalScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)

/**
 * Answers every visible question of the current page as the shared walker (helpers.ts) does:
 * first option, first rating, some text, "yes" to having met a possible victim (the longest
 * path). SurveyJS's dropdown is answered with the keyboard: on a laptop its popup list is
 * still animating when clicked.
 */
async function answerPage(page: Page): Promise<void> {
  const done = new Set<string>()
  for (let round = 0; round < 10; round++) {
    const names = await page.$$eval('.sd-page .sd-question[data-name]', (nodes) =>
      nodes
        .filter((node) => (node as HTMLElement).offsetParent !== null)
        .map((node) => node.getAttribute('data-name') ?? ''),
    )
    const pending = names.filter((name) => name && !done.has(name))
    if (pending.length === 0) return
    for (const name of pending) {
      done.add(name)
      const question = page.locator(`.sd-question[data-name="${name}"]`).first()
      if (name === 'met_possible_victim') {
        await question.locator('input[value="yes"]').check({ force: true })
      } else if ((await question.locator('.sd-rating__item').count()) > 0) {
        await question.locator('.sd-rating__item').first().click()
      } else if ((await question.locator('input[type="radio"], input[type="checkbox"]').count()) > 0) {
        await question.locator('.sd-item label').first().click()
      } else if ((await question.locator('.sd-dropdown').count()) > 0) {
        const box = question.locator('.sd-dropdown')
        const empty = async () => (await box.getAttribute('class'))!.includes('--empty')
        // Phones: SurveyJS opens the list as a full-screen popup, at times still opening when
        // the option is clicked; tried again after closing it.
        const phone = page.viewportSize()!.width < 600
        for (let tries = 0; phone && tries < 3 && (await empty()); tries++) {
          await box.click()
          await page
            .locator('.sv-popup [role="option"]:visible')
            .first()
            .click({ timeout: 5_000 })
            .catch(() => page.keyboard.press('Escape'))
        }
        for (let tries = 0; tries < 10 && (await empty()); tries++) {
          await question.locator('input[role="combobox"]').focus()
          await page.keyboard.press('ArrowDown')
          await page.keyboard.press('Enter')
          await page.waitForTimeout(200)
        }
        expect(await empty()).toBe(false)
      } else if ((await question.locator('textarea').count()) > 0) {
        await question.locator('textarea').fill('Testivastaus')
      }
    }
  }
}

/** Stored knowledge scores (share correct), read beside the server. */
function storedScores(databasePath: string): number[] {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true })
  try {
    const rows = db.prepare('select knowledge_score from responses').all() as {
      knowledge_score: number
    }[]
    return rows.map((row) => row.knowledge_score)
  } finally {
    db.close()
  }
}

describe.skipIf(!hasChromium)('respondent pages (issue 22)', () => {
  const { server, browser } = useBrowser()

  for (const [device, locale] of [
    ['phone', 'fi'],
    ['laptop', 'sv'],
    ['phone', 'sv'],
    ['laptop', 'fi'],
  ] as const) {
    it(`${device}, ${locale}: start page, page X of 7, Back, rating buttons, thank-you page`, {
      timeout: 120_000,
    }, async () => {
      const t = TEXT[locale]
      const name = `respondent-${device}-${locale}`
      const context = await browser().newContext({ ...DEVICES[device], locale })
      const page = await context.newPage()
      const before = storedScores(server().databasePath)
      await page.goto(`${server().baseUrl}/s/${SURVEY_SLUG}`)

      // Start page: title, purpose and time (the description), organiser and contact.
      await page.getByRole('heading', { level: 1, name: t.title }).waitFor()
      expect(await page.locator('.survey-description').innerText()).toContain(t.time)
      const organiser = page.locator('.survey-organiser')
      expect(await organiser.getByRole('heading').innerText()).toBe(t.organiser)
      expect(await organiser.innerText()).toContain('IOM')
      expect(await organiser.locator('a[href^="mailto:"]').count()).toBe(1)
      await shot(page, `${name}-01-start`)
      await expectAccessible(page, `${name} start`)
      await page.getByRole('button', { name: t.start }).click()

      // Page 1 of 7 starts with its questions: no survey title or description above them.
      await page.locator('.sd-page .sd-question').first().waitFor()
      expect(await progressText(page)).toBe(t.page(1))
      expect(await page.getByText(t.title).count()).toBe(0)
      expect(await page.locator('.sd-root-modern').innerText()).not.toContain(t.time)
      expect(await page.locator('h1').count()).toBe(1) // the page's own title
      await shot(page, `${name}-02-page-1`)
      await expectAccessible(page, `${name} page 1`)

      for (let pageNo = 1; ; pageNo++) {
        expect(pageNo).toBeLessThanOrEqual(7)
        expect(await progressText(page)).toBe(t.page(pageNo))
        expect(await page.locator('.survey-progress progress').evaluate((p: HTMLProgressElement) => [p.value, p.max])).toEqual([pageNo, 7])
        await answerPage(page)
        expect(await hasNoHorizontalScroll(page)).toBe(true)

        if (pageNo === 3) {
          // Back goes to page 2 with its answers; Forward returns to page 3.
          const here = await firstQuestion(page)
          await page.goBack()
          await expect.poll(() => progressText(page)).toBe(t.page(2))
          expect(await page.locator('.sd-page input:checked').count()).toBeGreaterThan(0)
          expect(page.url()).toBe(`${server().baseUrl}/s/${SURVEY_SLUG}`)
          await shot(page, `${name}-03-back-to-page-2`)
          await page.goForward()
          await expect.poll(() => progressText(page)).toBe(t.page(3))
          expect(await firstQuestion(page)).toBe(here)
          expect(await page.locator('.sd-page input:checked').count()).toBeGreaterThan(0)
          // The survey's own Previous button keeps the history in step: Back then goes one more.
          await page.locator('.sd-navigation__prev-btn').click()
          await expect.poll(() => progressText(page)).toBe(t.page(2))
          await page.goBack()
          await expect.poll(() => progressText(page)).toBe(t.page(1))
          await page.goForward()
          await expect.poll(() => progressText(page)).toBe(t.page(2))
          await page.goForward()
          await expect.poll(() => progressText(page)).toBe(t.page(3))
        }
        if (pageNo === 6) {
          // The 1-5 confidence ratings are buttons, on a phone too.
          const rating = page.locator('.sd-question[data-name="confidence_identify"]')
          expect(await rating.locator('.sd-rating__item').count()).toBe(5)
          expect(await rating.locator('.sd-dropdown').count()).toBe(0)
          await shot(page, `${name}-04-ratings`)
          await expectAccessible(page, `${name} ratings`)
        }

        const complete = page.locator('.sd-navigation__complete-btn')
        if (await complete.isVisible()) break
        const current = await firstQuestion(page)
        await page.locator('.sd-navigation__next-btn').click()
        await expect.poll(() => firstQuestion(page)).not.toBe(current)
      }
      expect(await progressText(page)).toBe(t.page(7))
      await page.locator('.sd-navigation__complete-btn').click()

      // Thank-you page: left-aligned, helpline with its number and site, the organiser's contact.
      const thanks = page.locator('.sd-completedpage')
      await thanks.waitFor()
      // Every block of the thank-you text starts at the left edge of the text, none centred.
      const edges = await thanks.evaluate((node) =>
        [...node.querySelectorAll('h1, h2, h3, p')].map((child) => [
          Math.round(child.getBoundingClientRect().left),
          getComputedStyle(child).textAlign,
        ]),
      )
      expect(edges.length).toBeGreaterThan(1)
      expect(new Set(edges.map(([left]) => left)).size, JSON.stringify(edges)).toBe(1)
      expect(edges.every(([, align]) => align === 'left' || align === 'start')).toBe(true)
      expect(await page.locator('.survey-progress').count()).toBe(0)
      const helpline = page.locator('.helpline')
      expect(await helpline.getByRole('heading').innerText()).toBe(t.helpline)
      expect(await helpline.locator('a[href="tel:+358295463177"]').count()).toBe(1)
      expect(await helpline.locator('a[href^="https://www.ihmiskauppa.fi"]').count()).toBe(1)
      expect(await page.locator('.thank-you-details a[href="mailto:iomhelsinki@iom.int"]').count()).toBe(1)

      // Quiz answers, right and wrong, with the correct one. The walk answers "true" to every
      // true/false item, so "a border must be crossed" is wrong.
      const border = page.locator('.quiz-feedback li[data-name="knowledge_border"]')
      expect(await border.innerText()).toContain(t.wrong)
      expect(await border.innerText()).toContain(t.correctAnswer)
      const indicators = page.locator('.quiz-feedback li[data-name="indicators"] .quiz-options > li')
      expect(await indicators.count()).toBe(12)
      // The score counts items as the server does (the checklist per option).
      const score = Number(t.score.exec(await page.locator('.quiz-feedback').innerText())?.[1])
      // Stored rows have no order (ids are random): the new score is the one not there before.
      const after = storedScores(server().databasePath)
      expect(after).toHaveLength(before.length + 1)
      for (const old of before) after.splice(after.indexOf(old), 1)
      expect(after[0]).toBeCloseTo(score / 21, 9)
      expect(await hasNoHorizontalScroll(page)).toBe(true)
      await shot(page, `${name}-05-thank-you`)
      await expectAccessible(page, `${name} thank-you`)

      // Answers stayed in memory: nothing in storage or cookies.
      expect(
        await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie]),
      ).toEqual([0, 0, ''])
      expect(await context.cookies()).toEqual([])

      // Once sent, Back does not walk through the answered pages' entries: it leaves at once,
      // without asking (nothing is unsent), and Forward has no page entry to go to either.
      const dialogs: string[] = []
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.type())
        void dialog.dismiss()
      })
      await expect.poll(() => page.evaluate(() => history.state)).toEqual({ surveyDone: true })
      expect(await page.evaluate(() => history.length)).toBe(3) // about:blank, page 1, done
      // The rewind does not scroll the thank-you page to where page 1 was left.
      expect(await page.evaluate(() => window.scrollY)).toBe(0)
      await page.goBack()
      await expect.poll(() => page.url()).toBe('about:blank')
      expect(dialogs).toEqual([])
      await context.close()
    })
  }

  it('asks before leaving with unsent answers; leaves without asking when nothing is answered', {
    timeout: 60_000,
  }, async () => {
    const context = await browser().newContext({ ...DEVICES.phone, locale: 'fi' })
    const page = await context.newPage()
    const url = `${server().baseUrl}/s/${SURVEY_SLUG}`
    await page.goto(url)
    await page.getByRole('button', { name: TEXT.fi.start }).click()
    await page.locator('.sd-page .sd-question').first().waitFor()

    // Nothing answered: Back on the first page leaves the survey, without a question.
    const dialogs: string[] = []
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.type())
      void dialog.dismiss()
    })
    await page.goBack()
    expect(page.url()).toBe('about:blank')
    expect(dialogs).toEqual([])

    // One answer: Back on the first page asks first; staying keeps the answer.
    await page.goForward()
    await page.getByRole('button', { name: TEXT.fi.start }).click()
    await page.locator('.sd-page .sd-item label').first().click()
    await page.goBack({ timeout: 3_000 }).catch(() => undefined) // cancelled by the dialog
    expect(dialogs).toEqual(['beforeunload'])
    expect(page.url()).toBe(url)
    expect(await page.locator('.sd-page input:checked').count()).toBe(1)
    await context.close()
  })
})
