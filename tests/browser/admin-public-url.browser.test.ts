// Issue 22: with PUBLIC_URL set, the admin shows the links respondents get from it (the survey
// detail's publicUrl): the respondent link, the invitation link format and the publish dialog's
// link; never from the admin page's own address. Without PUBLIC_URL: admin-confirm.browser.test.ts.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { fi } from '../../client/admin/i18n/fi'
import { sv } from '../../client/admin/i18n/sv'
import { ADMIN, ADMIN_ENV } from './admin-helpers'
import { blockingViolations, describeViolations } from './axe'
import { hasChromium, REPO_ROOT, SURVEY_SLUG } from './helpers'
import { useBrowser } from './session'

const PUBLIC_URL = 'https://kysely.example.fi'
const SCREENSHOTS = join(REPO_ROOT, 'test-artifacts', 'screenshots')
const CASES = [
  { name: 'fi-phone', locale: 'fi-FI', t: fi, viewport: { width: 390, height: 844 }, isMobile: true },
  { name: 'sv-laptop', locale: 'sv-SE', t: sv, viewport: { width: 1366, height: 900 }, isMobile: false },
] as const

async function check(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true })
  expect(describeViolations(await blockingViolations(page)), `axe on ${name}`).toBe('')
}

describe.skipIf(!hasChromium)('admin links with PUBLIC_URL set', () => {
  const { server, browser } = useBrowser({ env: { ...ADMIN_ENV, PUBLIC_URL: `${PUBLIC_URL}/` } })

  for (const { name, locale, t, viewport, isMobile } of CASES) {
    it(`${name}: respondent link, invitation link format and publish dialog`, { timeout: 60_000 }, async () => {
      const context = await browser().newContext({ viewport, isMobile, hasTouch: isMobile, locale })
      const page = await context.newPage()
      const { baseUrl } = server()
      await page.goto(`${baseUrl}/admin`)
      await page.getByLabel(t.username).fill(ADMIN.username)
      await page.getByLabel(t.password).fill(ADMIN.password)
      await page.getByRole('button', { name: t.signIn }).click()
      await page.getByRole('link', { name: t.newQuestionnaire }).waitFor()

      // An open survey: the respondent link and the invitation link format.
      await page.goto(`${baseUrl}/admin/surveys/${SURVEY_SLUG}`)
      const link = page.getByLabel(t.respondentLink)
      await expect.poll(() => link.inputValue()).toBe(`${PUBLIC_URL}/s/${SURVEY_SLUG}`)
      const format = page.locator('.invitation-link .link-format')
      expect(await format.innerText()).toBe(
        `${PUBLIC_URL}/s/${SURVEY_SLUG}#code=${t.invitationLink.code}`,
      )
      expect(await page.locator('main').innerText()).not.toContain(baseUrl)
      await check(page, `admin-public-url-${name}-survey`)

      // A draft: the publish dialog names the link respondents will use.
      const slug = `public-url-${name}`
      const definition = { pages: [{ name: 'p1', elements: [{ type: 'text', name: 'q1' }] }] }
      const created = await page.request.post(`${baseUrl}/api/admin/surveys`, {
        data: { slug, definition },
      })
      expect(created.status()).toBe(201)
      await page.goto(`${baseUrl}/admin/surveys/${slug}`)
      await page.getByRole('button', { name: t.publish }).click()
      const dialog = page.getByRole('dialog')
      expect(await dialog.locator('.link-format').innerText()).toBe(`${PUBLIC_URL}/s/${slug}`)
      await check(page, `admin-public-url-${name}-publish-dialog`)
      await context.close()
    })
  }
})
