import type { BrowserContext, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import {
  ADMIN,
  ADMIN_ENV,
  createUser,
  expireSessions,
  groupsOf,
  meStatus,
  postResponses,
  signIn,
  writeQuestionnaireFile,
} from './admin-helpers'
import { answerCurrentPage, hasChromium, screenshot } from './helpers'
import { useBrowser } from './session'

const SLUG = 'ward-survey'
const RESEARCHER = { username: 'rita', password: 'researcher-password-1' }

// Other respondents, through the API: big groups and one of 2, so the final release shows some
// cells and must hide others (the browser respondent adds one to public/north).
const OTHER_RESPONDENTS = groupsOf({ trained: 'yes' }, [
  [8, { sector: 'public', region: 'north' }],
  [7, { sector: 'public', region: 'south' }],
  [6, { sector: 'public', region: 'east' }],
  [6, { sector: 'private', region: 'north' }],
  [7, { sector: 'private', region: 'south' }],
  [2, { sector: 'private', region: 'east' }],
])
const TOTAL_RESPONSES = OTHER_RESPONDENTS.length + 1
const DESKTOP = { viewport: { width: 1400, height: 900 }, locale: 'en-GB' }

describe.skipIf(!hasChromium)('admin app in a desktop browser', () => {
  let admin: BrowserContext
  let page: Page
  const { server, browser } = useBrowser({
    env: ADMIN_ENV,
    setUp: async () => {
      admin = await browser().newContext(DESKTOP)
      const origin = server().baseUrl
      await admin.grantPermissions(['clipboard-read', 'clipboard-write'], { origin })
      page = await admin.newPage()
    },
  })

  const row = (slug: string) => page.locator(`tr[data-slug="${slug}"]`)
  const alerts = (p: Page) => p.locator('[role="alert"]:not(:empty)')

  /** What a respondent with a fresh browser (no cookies) sees at the link. */
  async function openAsRespondent(): Promise<{ context: BrowserContext; respondent: Page }> {
    const context = await browser().newContext({ locale: 'en-GB' })
    const respondent = await context.newPage()
    await respondent.goto(`${server().baseUrl}/s/${SLUG}`)
    return { context, respondent }
  }

  it('refuses a wrong password with a clear error', { timeout: 30_000 }, async () => {
    await page.goto(`${server().baseUrl}/admin`)
    await page.getByRole('heading', { name: 'Sign in to Survey admin' }).waitFor()
    await signIn(page, ADMIN.username, 'not-the-password')
    await expect.poll(() => alerts(page).innerText()).toBe('The username or password is wrong.')
    expect(await page.getByLabel('Password').inputValue()).toBe('')
    await screenshot(page, 'admin-01-wrong-password')
  })

  it('tells how long to wait after too many failed sign-ins', { timeout: 30_000 }, async () => {
    const other = await browser().newPage()
    await other.goto(`${server().baseUrl}/admin`)
    for (let attempt = 0; attempt < 6; attempt++) {
      await signIn(other, 'nobody', `wrong-${attempt}`)
      await expect.poll(() => other.getByRole('button', { name: 'Sign in' }).isEnabled()).toBe(true)
    }
    await expect
      .poll(() => alerts(other).innerText())
      .toMatch(/^Too many failed sign-ins\. Try again in \d+ (minutes?|seconds?)\.$/)
    await other.close()
  })

  it(
    'publishes an uploaded questionnaire, takes a response, closes it',
    { timeout: 90_000 },
    async () => {
      await signIn(page, ADMIN.username, ADMIN.password)
      await page.getByRole('heading', { name: 'Questionnaires' }).waitFor()
      expect(await page.locator('.admin-header').innerText()).toMatch(/admin\s+\(admin\)/)
      await row('counter-trafficking').waitFor()
      await screenshot(page, 'admin-02-list')

      await page.getByRole('link', { name: 'New questionnaire' }).click()
      await page.getByRole('heading', { name: 'New questionnaire' }).waitFor()

      // A JSON typo is pointed at before anything is sent (experts' view: JSON).
      await page.getByRole('button', { name: 'JSON', exact: true }).click()
      const definition = page.getByLabel('Questionnaire definition (SurveyJS JSON)')
      await definition.fill('{\n  "title": "Ward survey",\n}')
      await expect
        .poll(() => alerts(page).innerText())
        .toContain('Not valid JSON at line 3, column 1')

      // The server's objections are listed: valid JSON, but no questions.
      await page.getByLabel('Slug').fill(SLUG)
      await definition.fill('{ "title": "Ward survey" }')
      await page.getByRole('button', { name: 'Save as draft' }).click()
      await expect.poll(() => alerts(page).innerText()).toContain('The definition has no questions')

      // Upload a file: the text area and the preview show it; nothing is saved yet.
      await definition.fill('')
      await page
        .getByLabel('Upload a .json file')
        .setInputFiles(writeQuestionnaireFile(`${SLUG}.json`))
      await expect.poll(() => definition.inputValue()).toContain('"sector"')
      expect(await page.getByLabel('Slug').inputValue()).toBe(SLUG)
      const preview = page.locator('.editor-preview')
      await preview.locator('.sd-question[data-name="sector"]').waitFor()
      expect(await preview.innerText()).toContain('Preview: answers are not saved.')
      await preview.getByRole('button', { name: 'Suomi' }).click()
      await preview.getByText('Missä työskentelet?').waitFor()
      await screenshot(page, 'admin-03-editor-preview')

      await page.getByRole('button', { name: 'Save as draft' }).click()
      await page.getByRole('heading', { name: 'Ward survey' }).waitFor()
      expect(await page.locator('.notice').innerText()).toContain('Draft saved')
      expect(await page.locator('.facts').innerText()).toContain('Draft')

      await page.getByRole('button', { name: 'Publish' }).click()
      await page.getByRole('dialog').getByRole('button', { name: 'Publish now' }).click()
      await expect.poll(() => page.locator('.facts .badge').innerText()).toBe('Open')
      await page.getByRole('button', { name: 'Copy respondent link' }).click()
      await page.getByText('Link copied to the clipboard.').waitFor()
      const link = `${server().baseUrl}/s/${SLUG}`
      expect(await page.getByLabel('Respondent link').inputValue()).toBe(link)
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link)
      await screenshot(page, 'admin-04-published')

      // Editing an open survey makes a new version, and the editor says so before saving.
      await page.getByRole('link', { name: 'Edit definition' }).click()
      await page.getByText('saving creates version 2').waitFor()
      await page.getByRole('button', { name: 'JSON', exact: true }).click()
      const text = await definition.inputValue()
      await definition.fill(text.replace('"Ward survey"', '"Ward survey 2027"'))
      await page.getByRole('button', { name: 'Save as version 2' }).click()
      // Level 1: the editor's live preview shows the new title as a heading too.
      await page.getByRole('heading', { name: 'Ward survey 2027', level: 1 }).waitFor()
      expect(await page.locator('.notice').innerText()).toContain('Saved as version 2')

      // A respondent answers through the link.
      const { context, respondent } = await openAsRespondent()
      await respondent.getByRole('button', { name: 'Start the survey' }).click()
      await respondent.locator('.sd-question[data-name="sector"]').waitFor()
      await answerCurrentPage(respondent)
      await respondent.locator('.sd-navigation__complete-btn').click()
      await respondent.locator('.sd-completedpage').waitFor()
      await context.close()

      await page.getByRole('link', { name: 'Questionnaires' }).first().click()
      // One live response reads 0: rounded down to a multiple of 5 (decision 007).
      await expect.poll(() => row(SLUG).locator('td.number').last().innerText()).toBe('0')
      expect(await row(SLUG).locator('td.number').first().innerText()).toBe('2')
      await screenshot(page, 'admin-05-list-with-response')
      await postResponses(server().baseUrl, SLUG, OTHER_RESPONDENTS)

      // Closing asks first, saying that it is final.
      await row(SLUG).getByRole('link', { name: SLUG }).click()
      await page.getByRole('button', { name: 'Close survey…' }).click()
      const dialog = page.getByRole('dialog')
      expect(await dialog.innerText()).toContain('Closing is final')
      const shown = Math.floor(TOTAL_RESPONSES / 5) * 5 // live counts are rounded (decision 007)
      expect(await dialog.innerText()).toContain(`${shown} responses collected so far`)
      await screenshot(page, 'admin-06-close-dialog')
      await dialog.getByRole('button', { name: 'Close survey' }).click()
      await expect.poll(() => page.locator('.facts .badge').innerText()).toBe('Closed')
      expect(await page.getByRole('button', { name: 'Publish' }).count()).toBe(0)

      const after = await openAsRespondent()
      await after.respondent.getByRole('heading', { name: 'This survey is not open' }).waitFor()
      await after.context.close()
    },
  )

  it(
    'shows a researcher the final results: hidden cells marked, a chart per question',
    { timeout: 60_000 },
    async () => {
      createUser(server().databasePath, RESEARCHER.username, 'researcher', RESEARCHER.password)
      const context = await browser().newContext(DESKTOP)
      const researcher = await context.newPage()
      await researcher.goto(`${server().baseUrl}/admin`)
      await signIn(researcher, RESEARCHER.username, RESEARCHER.password)
      await researcher.locator(`tr[data-slug="${SLUG}"]`).getByRole('link', { name: SLUG }).click()
      await researcher.getByRole('link', { name: 'Results' }).click()
      await researcher.locator('table.heatmap').waitFor()
      expect(await researcher.getByRole('option', { name: /Release 1 · final/ }).count()).toBe(1)

      const hidden = researcher.locator('table.heatmap td.cell-hidden')
      expect(await hidden.count()).toBeGreaterThan(0)
      for (const cell of await hidden.all()) {
        expect(await cell.innerText()).toBe('–')
        expect(await cell.getAttribute('aria-label')).toMatch(/^suppressed \(fewer than 5/)
      }
      const shown = await researcher.$$eval('table.heatmap td.cell-value', (cells) =>
        // The count comes first; its share of all respondents follows in brackets.
        cells.map((cell) => Number.parseInt(cell.textContent ?? '')),
      )
      expect(shown.length).toBeGreaterThan(0)
      expect(Math.min(...shown)).toBeGreaterThanOrEqual(5)

      const chart = researcher.locator('.question-chart[data-question="trained"] canvas')
      await chart.waitFor()
      expect((await chart.boundingBox())?.height).toBeGreaterThan(50)
      expect(await chart.getAttribute('aria-label')).toMatch(
        new RegExp(`: Yes: ${TOTAL_RESPONSES} \\(100\\.0 %\\); No: 0 \\(0\\.0 %\\)`),
      )
      await screenshot(researcher, 'admin-07-researcher-results')
      await context.close()
    },
  )

  it('shows researchers the surveys without publishing controls', { timeout: 30_000 }, async () => {
    const context = await browser().newContext(DESKTOP)
    const researcher = await context.newPage()
    await researcher.goto(`${server().baseUrl}/admin`)
    await signIn(researcher, RESEARCHER.username, RESEARCHER.password)
    await researcher.locator('tr[data-slug="counter-trafficking"]').waitFor()
    expect(await researcher.getByRole('link', { name: 'New questionnaire' }).count()).toBe(0)
    await researcher.getByRole('link', { name: 'counter-trafficking' }).click()
    await researcher.locator('.facts .badge').waitFor()
    expect(await researcher.getByRole('button', { name: /Close survey|Publish/ }).count()).toBe(0)
    expect(await researcher.getByRole('link', { name: 'Edit definition' }).count()).toBe(0)
    await researcher.getByRole('button', { name: 'Show preview' }).click()
    await researcher.locator('.preview .sd-question').first().waitFor()
    await screenshot(researcher, 'admin-08-researcher-survey')

    // Without clipboard access the link is selected for copying by hand.
    await researcher.evaluate(() =>
      Object.defineProperty(navigator, 'clipboard', { value: undefined }),
    )
    await researcher.getByRole('button', { name: 'Copy respondent link' }).click()
    await researcher.getByText('the link is selected').waitFor()
    const selected = await researcher.evaluate(() => {
      const input = document.activeElement as HTMLInputElement
      return input.value.slice(input.selectionStart ?? 0, input.selectionEnd ?? 0)
    })
    expect(selected).toBe(`${server().baseUrl}/s/counter-trafficking`)
    await context.close()
  })

  it('sends the admin back to sign-in when the session expires', { timeout: 30_000 }, async () => {
    for (const how of ['idle', 'absolute'] as const) {
      await page.getByRole('link', { name: 'Questionnaires' }).first().click()
      await row(SLUG).waitFor()
      expireSessions(server().databasePath, ADMIN.username, how)
      await row(SLUG).getByRole('link', { name: SLUG }).click()
      await page.getByText('Your session has ended. Please sign in again.').waitFor()
      expect(await meStatus(page)).toBe(401)
      await screenshot(page, `admin-09-session-ended-${how}`)

      // Signing in again returns to the page that was asked for.
      await signIn(page, ADMIN.username, ADMIN.password)
      await page.getByRole('heading', { name: 'Ward survey' }).waitFor()
      expect(await page.locator('.facts .badge').innerText()).toBe('Closed')
    }
  })

  it('signs out: back to sign-in, and the session is gone', { timeout: 30_000 }, async () => {
    expect(await meStatus(page)).toBe(200)
    const session = (await admin.cookies()).find((cookie) => cookie.name === 'session')
    expect(session).toBeDefined()
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.getByRole('heading', { name: 'Sign in to Survey admin' }).waitFor()
    await page.getByText('You have signed out.').waitFor()
    expect(new URL(page.url()).pathname).toBe('/admin')
    expect(await meStatus(page)).toBe(401)
    // Ended on the server too: the old cookie, sent again, is refused.
    const replay = await fetch(`${server().baseUrl}/api/auth/me`, {
      headers: { Cookie: `session=${session?.value}` },
    })
    expect(replay.status).toBe(401)
    await screenshot(page, 'admin-10-signed-out')
  })
})
