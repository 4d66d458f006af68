import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'

import { REPO_ROOT } from '../server-process.js'
import { CHROMIUM_PATH } from './chromium'

export {
  buildApp,
  REPO_ROOT,
  startServer,
  SURVEY_SLUG,
  type RunningServer,
} from '../server-process.js'
export const SCREENSHOT_DIR = join(REPO_ROOT, 'test-output', 'screenshots')

export { CHROMIUM_PATH, hasChromium } from './chromium'

/**
 * Content-Security-Policy violations Chromium reported in any page of any browser launched here:
 * the apps must work under the server's CSP, so each browser test file asserts this stays empty.
 */
export const cspViolations: string[] = []

function watchCsp(context: BrowserContext): BrowserContext {
  context.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text())
  })
  return context
}

export async function launchChromium(): Promise<Browser> {
  const browser = await launchBrowser()
  const newContext = browser.newContext.bind(browser)
  browser.newContext = async (options) => watchCsp(await newContext(options))
  browser.newPage = async (options) => {
    const page = await (await browser.newContext(options)).newPage()
    return page
  }
  return browser
}

function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    // Headless, sandbox-free (containers run as root) and silent: no Google services traffic.
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  })
}


export interface StoredResponse {
  id: string
  survey_version_id: number
  locale: string
  submitted_on: string
  answers: string
}

/** Reads what the server stored, through a separate read-only connection. */
export function readResponses(databasePath: string): StoredResponse[] {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true })
  try {
    return db
      .prepare(
        `select id, survey_version_id, locale, submitted_on, answers
         from responses join response_answers on response_id = id`,
      )
      .all() as StoredResponse[]
  } finally {
    db.close()
  }
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true })
}

/**
 * How far the survey says the respondent is: the width of a progress bar, or the number of
 * passed steps when the definition uses the page stepper (`progressBarType: "pages"`).
 */
export function readProgress(page: Page): Promise<number> {
  return page.evaluate(() => {
    // The respondent app's own "page X of Y" (client/respondent/SurveyScreen.tsx).
    const own = document.querySelector<HTMLProgressElement>('.survey-progress progress')
    if (own) return own.value
    const bar = document.querySelector<HTMLElement>('.sd-progress [role="progressbar"]')
    if (bar) return parseFloat(bar.style.width) || 0
    return document.querySelectorAll('[class*="sd-progress-buttons__list-element--passed"]').length
  })
}

/** Values that open a follow-up branch, so the test walks the longest path. */
const PREFERRED_VALUES: Record<string, string> = { met_possible_victim: 'yes' }

/**
 * Answers every visible, still unanswered question on the current page through the UI, the way
 * a respondent would: first option of choices, first rating, first dropdown item, some text.
 * Repeats until nothing is left, because answers may reveal follow-up questions.
 */
export async function answerCurrentPage(page: Page): Promise<string[]> {
  const answered: string[] = []
  for (let round = 0; round < 20; round++) {
    const names = await page.$$eval('.sd-page .sd-question[data-name]', (nodes) =>
      nodes
        .filter((node) => (node as HTMLElement).offsetParent !== null)
        .map((node) => node.getAttribute('data-name') ?? ''),
    )
    const pending = names.filter((name) => name && !answered.includes(name))
    if (pending.length === 0) return answered
    for (const name of pending) {
      await answerQuestion(page, name)
      answered.push(name)
    }
  }
  throw new Error('Questions kept appearing on this page')
}

async function answerQuestion(page: Page, name: string): Promise<void> {
  const question = page.locator(`.sd-question[data-name="${name}"]`).first()
  const preferred = PREFERRED_VALUES[name]
  if (preferred) {
    await question.locator(`input[value="${preferred}"]`).check({ force: true })
    return
  }
  if ((await question.locator('.sd-rating__item').count()) > 0) {
    await question.locator('.sd-rating__item').first().click()
  } else if ((await question.locator('input[type="radio"], input[type="checkbox"]').count()) > 0) {
    // The inputs are visually hidden; respondents tap the label, so does the test.
    await question.locator('.sd-item label').first().click()
  } else if ((await question.locator('.sd-dropdown').count()) > 0) {
    // On a phone the list opens as an animated popup that, now and then, has closed again by
    // the time its option is clicked: open it again (up to three times).
    const box = question.locator('.sd-dropdown').first()
    for (let tries = 0; tries < 3; tries++) {
      await box.click()
      const chosen = await page
        .locator('.sv-popup [role="option"]:visible')
        .first()
        .click({ timeout: 5_000 })
        .then(() => true)
        .catch(() => false)
      if (chosen) break
      await page.keyboard.press('Escape')
    }
    if ((await box.getAttribute('class'))?.includes('--empty')) {
      throw new Error(`Could not choose an answer to "${name}"`)
    }
  } else if ((await question.locator('textarea').count()) > 0) {
    await question.locator('textarea').first().fill('Testivastaus')
  } else if ((await question.locator('input[type="text"], input[type="number"]').count()) > 0) {
    await question.locator('input').first().fill('1')
  } else {
    throw new Error(`Do not know how to answer question "${name}"`)
  }
}
