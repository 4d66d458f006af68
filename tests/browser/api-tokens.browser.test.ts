import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { ADMIN_ENV, createUser, signIn } from './admin-helpers'
import { blockingViolations, describeViolations } from './axe'
import { hasChromium, screenshot, SURVEY_SLUG } from './helpers'
import { useBrowser } from './session'

const RESEARCHER = { username: 'rita', password: 'researcher-password-1' }
const DESKTOP = { viewport: { width: 1280, height: 900 }, locale: 'en-GB' }

describe.skipIf(!hasChromium)('API tokens in the admin app', () => {
  const { server, browser } = useBrowser({
    env: ADMIN_ENV,
    setUp: () =>
      createUser(server().databasePath, RESEARCHER.username, 'researcher', RESEARCHER.password),
  })

  async function noBlockingViolations(page: Page, screen: string) {
    await screenshot(page, `tokens-${screen}`)
    expect(describeViolations(await blockingViolations(page)), `axe on ${screen}`).toBe('')
  }

  const readReleases = (token: string) =>
    fetch(`${server().baseUrl}/api/admin/surveys/${SURVEY_SLUG}/releases`, {
      headers: { Authorization: `Bearer ${token}` },
    })

  const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '')

  it('creates a token shown once, which a script can use until it is revoked', { timeout: 90_000 }, async () => {
    const page = await (await browser().newContext(DESKTOP)).newPage()
    await page.goto(`${server().baseUrl}/admin`)
    await signIn(page, RESEARCHER.username, RESEARCHER.password)
    await page.getByRole('link', { name: 'API tokens' }).click()
    await expect.poll(() => focusedText(page)).toBe('API tokens')
    await expect.poll(() => page.getByText('You have no API tokens yet.').count()).toBe(1)
    await noBlockingViolations(page, 'empty')

    await page.getByLabel('Name').fill('R on my laptop')
    await page.getByLabel('Expires after').selectOption({ label: '30 days' })
    await page.getByRole('button', { name: 'Create token' }).click()
    await expect.poll(() => focusedText(page)).toContain('Copy your new token')
    const token = await page.getByLabel('Token', { exact: true }).inputValue()
    expect(token).toMatch(/^hsv_[A-Za-z0-9_-]{43}$/)
    await noBlockingViolations(page, 'shown-once')
    expect((await readReleases(token)).status).toBe(200)

    await page.getByRole('button', { name: 'I have stored it' }).click()
    await expect.poll(() => focusedText(page)).toContain('is ready to use')
    await page.reload()
    await expect.poll(() => page.getByRole('row', { name: /R on my laptop/ }).count()).toBe(1)
    expect(await page.content()).not.toContain(token)
    expect(await page.getByRole('row', { name: /R on my laptop/ }).textContent()).toContain('Active')

    await page.getByRole('button', { name: 'Revoke R on my laptop' }).click()
    const dialog = page.getByRole('dialog', { name: 'Revoke “R on my laptop”?' })
    await expect.poll(() => dialog.count()).toBe(1)
    await noBlockingViolations(page, 'revoke-dialog')
    await dialog.getByRole('button', { name: 'Revoke token' }).click()
    await expect.poll(() => focusedText(page)).toContain('revoked')
    await expect
      .poll(() => page.getByRole('row', { name: /R on my laptop/ }).textContent())
      .toContain('Revoked')
    expect((await readReleases(token)).status).toBe(401)
  })

  it('serves the API reference page under the CSP', { timeout: 60_000 }, async () => {
    const page = await (await browser().newContext(DESKTOP)).newPage()
    await page.goto(`${server().baseUrl}/api/docs`)
    await expect.poll(() => page.getByRole('heading', { name: 'API reference' }).count()).toBe(1)
    await noBlockingViolations(page, 'api-reference')
  })
})
