import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { LANGUAGE_NAMES, LOCALES, STRINGS } from '../../client/respondent/i18n'
import { allCorrectBundledAnswers, miniSurvey } from '../fixtures'
import {
  ADMIN,
  ADMIN_ENV,
  groupsOf,
  makeRelease,
  MIXED_GROUPS,
  openInvitationOnly,
  postResponses,
  signIn,
  writeQuestionnaireFile,
} from './admin-helpers'
import { blockingViolations, describeViolations } from './axe'
import { answerCurrentPage, hasChromium, screenshot, SURVEY_SLUG } from './helpers'
import { useBrowser } from './session'

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }
const DESKTOP = { viewport: { width: 1400, height: 900 }, locale: 'en-GB' }

describe.skipIf(!hasChromium)('accessibility (axe-core: no serious or critical)', () => {
  const { server, browser } = useBrowser({ env: ADMIN_ENV })

  /** Screenshots the screen, then reports what axe finds on it (soft: every screen is checked). */
  async function check(page: Page, screen: string): Promise<void> {
    await screenshot(page, `a11y-${screen}`)
    const found = await blockingViolations(page)
    expect.soft(describeViolations(found), `axe on ${screen}`).toBe('')
  }

  for (const locale of LOCALES) {
    const { start } = STRINGS[locale]
    it(`respondent pages in ${locale}`, { timeout: 60_000 }, async () => {
      const context = await browser().newContext({ ...PHONE, locale: 'en-GB' })
      const page = await context.newPage()
      await page.goto(`${server().baseUrl}/s/${SURVEY_SLUG}`)
      await page.getByRole('button', { name: LANGUAGE_NAMES[locale] }).click()
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(locale)
      await page.getByRole('button', { name: start }).waitFor()
      await check(page, `respondent-${locale}-start`)

      await page.getByRole('button', { name: start }).click()
      await page.locator('.sd-page .sd-question').first().waitFor()
      await check(page, `respondent-${locale}-first-page`)
      // Screen-reader users move by headings: the page title is the one h1 (the survey title is
      // on the start page only, issue 22), questions are h2.
      expect(await page.locator('h1').count()).toBe(1)
      const questions = await page.locator('.sd-page .sd-question').count()
      expect(await page.locator('.sd-page .sd-question h2.sd-question__title').count()).toBe(
        questions,
      )

      await page.locator('.sd-navigation__next-btn').click()
      await page.locator('.sd-question__erbox').first().waitFor()
      await check(page, `respondent-${locale}-required-error`)

      for (let pageNo = 1; pageNo < 30; pageNo++) {
        await answerCurrentPage(page)
        const complete = page.locator('.sd-navigation__complete-btn')
        if (await complete.isVisible()) {
          await complete.click()
          break
        }
        const before = await page.locator('.sd-page .sd-question').first().getAttribute('data-name')
        await page.locator('.sd-navigation__next-btn').click()
        await expect
          .poll(() => page.locator('.sd-page .sd-question').first().getAttribute('data-name'))
          .not.toBe(before)
      }
      await page.locator('.sd-completedpage').waitFor()
      expect(await page.locator('html').getAttribute('lang')).toBe(locale)
      await check(page, `respondent-${locale}-thank-you`)
      await context.close()
    })
  }

  it('invitation code step in fi, sv and en, code refused', { timeout: 60_000 }, async () => {
    await openInvitationOnly(server().baseUrl, 'invited', miniSurvey)
    for (const locale of LOCALES) {
      const text = STRINGS[locale]
      const context = await browser().newContext({ ...PHONE, locale: 'en-GB' })
      const page = await context.newPage()
      await page.goto(`${server().baseUrl}/s/invited`)
      await page.getByRole('button', { name: LANGUAGE_NAMES[locale] }).click()
      const input = page.getByLabel(text.codeLabel)
      await input.waitFor()
      expect(await page.locator('html').getAttribute('lang')).toBe(locale)
      await check(page, `respondent-${locale}-code`)

      await input.fill('ABCD-EFGH-JKMN-PQRS')
      await page.getByRole('button', { name: text.codeContinue }).click()
      await page.getByText(text.codeInvalid).waitFor()
      await check(page, `respondent-${locale}-code-refused`)
      await context.close()
    }
  })

  it('admin pages: sign-in, list, survey, editor, results', { timeout: 90_000 }, async () => {
    const responses = groupsOf(allCorrectBundledAnswers, MIXED_GROUPS)
    await postResponses(server().baseUrl, SURVEY_SLUG, responses)
    const context = await browser().newContext(DESKTOP)
    const page = await context.newPage()
    await page.goto(`${server().baseUrl}/admin`)
    await page.getByRole('heading', { name: 'Sign in to Survey admin' }).waitFor()
    await check(page, 'admin-sign-in')

    await signIn(page, ADMIN.username, 'not-the-password')
    await page.getByText('The username or password is wrong.').waitFor()
    await check(page, 'admin-sign-in-error')

    await signIn(page, ADMIN.username, ADMIN.password)
    await page.locator(`tr[data-slug="${SURVEY_SLUG}"]`).waitFor()
    await check(page, 'admin-survey-list')

    await page.getByRole('link', { name: SURVEY_SLUG }).click()
    await page.getByRole('button', { name: 'Show preview' }).click()
    await page.locator('.preview .sd-question').first().waitFor()
    await check(page, 'admin-survey-page')

    await page.getByRole('link', { name: 'Questionnaires' }).first().click()
    await page.getByRole('link', { name: 'New questionnaire' }).click()
    await page.getByLabel('Upload a .json file').setInputFiles(writeQuestionnaireFile('ward.json'))
    await page.locator('.editor-preview .sd-question[data-name="sector"]').waitFor()
    await check(page, 'admin-editor')

    await page.getByRole('button', { name: 'JSON', exact: true }).click()
    await page.getByLabel('Questionnaire definition (SurveyJS JSON)').fill('{ "title": "x", }')
    await page.locator('[role="alert"]:not(:empty)').first().waitFor()
    await check(page, 'admin-editor-error')

    await makeRelease(page, SURVEY_SLUG)
    // Leaving the edited draft asks first; this test does not want to keep it.
    page.once('dialog', (dialog) => void dialog.accept())
    await page.getByRole('link', { name: 'Questionnaires' }).first().click()
    await page.locator(`tr[data-slug="${SURVEY_SLUG}"]`).waitFor()
    await page.goto(`${server().baseUrl}/admin/surveys/${SURVEY_SLUG}/results`)
    await page.locator('table.heatmap td.cell-hidden').first().waitFor()
    await page.locator('.question-chart canvas').first().waitFor()
    await check(page, 'admin-results')
    await context.close()
  })
})
