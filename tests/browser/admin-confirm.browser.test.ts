import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { fill } from '../../client/admin/i18n'
import { fi } from '../../client/admin/i18n/fi'
import { sv } from '../../client/admin/i18n/sv'
import { ADMIN, ADMIN_ENV } from './admin-helpers'
import { blockingViolations, describeViolations } from './axe'
import { hasChromium, REPO_ROOT } from './helpers'
import { useBrowser } from './session'

const SCREENS = {
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
  laptop: { viewport: { width: 1366, height: 900 } },
}
// Each admin's browser prefers their language; the admin app follows it.
const LANGUAGES = {
  fi: {
    locale: 'fi-FI',
    t: fi,
    name: 'Suomi',
    title: 'Sairaanhoitajat ja kätilöt',
    slug: 'sairaanhoitajat-ja-katilot',
  },
  sv: {
    locale: 'sv-SE',
    t: sv,
    name: 'Svenska',
    title: 'Sjuksköterskor i Åboland',
    slug: 'sjukskoterskor-i-aboland',
  },
}
const SCREEN_NAMES = Object.keys(SCREENS) as (keyof typeof SCREENS)[]
const SCREENSHOTS = join(REPO_ROOT, 'test-artifacts', 'screenshots')

// No title: the admin types it in the questions view, and the slug follows.
const DEFINITION = {
  pages: [
    {
      name: 'p1',
      elements: [
        { type: 'radiogroup', name: 'sector', choices: ['public', 'private'], isRequired: true },
      ],
    },
  ],
}

async function check(page: Page, name: string, fullPage = true) {
  mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage })
  expect(describeViolations(await blockingViolations(page)), `axe on ${name}`).toBe('')
}

/** The access the public API reports: absent while anyone with the link can answer. */
async function publicAccess(baseUrl: string, slug: string): Promise<unknown> {
  return (await (await fetch(`${baseUrl}/api/surveys/${slug}`)).json()).access
}

describe.skipIf(!hasChromium)('admins are told what publishing and invitation-only do', () => {
  const { server, browser } = useBrowser({ env: ADMIN_ENV })

  describe.each(Object.entries(LANGUAGES))('in %s', (language, languageSetup) => {
    const { locale, t, name: languageName, title, slug: base } = languageSetup
    it.each(SCREEN_NAMES)('on a %s', { timeout: 90_000 }, async (screen) => {
      const name = `admin-confirm-${language}-${screen}`
      const slug = `${base}-${screen}`
      const page = await (await browser().newContext({ ...SCREENS[screen], locale })).newPage()
      const baseUrl = server().baseUrl
      await page.goto(`${baseUrl}/admin`)
      await page.getByLabel(t.username).fill(ADMIN.username)
      await page.getByLabel(t.password).fill(ADMIN.password)
      await page.getByRole('button', { name: t.signIn }).click()
      await page.getByRole('link', { name: t.newQuestionnaire }).click()

      // The slug follows the title as it is typed: lower case, accents folded, hyphens.
      await page.getByRole('button', { name: t.tabJson, exact: true }).click()
      await page.getByLabel(t.jsonLabel).fill(JSON.stringify(DEFINITION))
      await page.getByRole('button', { name: t.tabQuestions, exact: true }).click()
      const slugField = page.getByLabel(t.slug, { exact: true })
      const titleField = page.getByLabel(`${t.titleField} (${languageName})`).first()
      await titleField.pressSequentially(title.slice(0, 6))
      await expect.poll(() => slugField.inputValue()).toBe(base.slice(0, 6))
      await titleField.pressSequentially(`${title.slice(6)} – ${screen}`)
      await expect.poll(() => slugField.inputValue()).toBe(slug)
      await page.getByText(t.slugFromTitle).waitFor()
      await slugField.scrollIntoViewIfNeeded()
      await check(page, `${name}-1-slug-from-title`, false)

      // Typed by hand: capitals and spaces tidied at once, anything else named before saving.
      await slugField.fill('')
      await slugField.pressSequentially('Oma Kysely!')
      expect(await slugField.inputValue()).toBe('oma-kysely!')
      const slugError = page.locator('#slug-error')
      expect(await slugError.innerText()).toBe(fill(t.slugCharacters, { chars: '“!”' }))
      expect(await slugField.getAttribute('aria-invalid')).toBe('true')
      await check(page, `${name}-2-slug-typed`, false)
      await slugField.fill(slug)
      expect(await slugError.innerText()).toBe('')
      await page.getByRole('button', { name: t.saveAsDraft }).click()
      await page.getByRole('heading', { name: `${title} – ${screen}`, level: 1 }).waitFor()

      // Publishing asks first and says who can answer, where, and what stays changeable.
      const badge = page.locator('.facts .badge')
      await page.getByRole('button', { name: t.publish }).click()
      const dialog = page.getByRole('dialog')
      const said = await dialog.innerText()
      expect(said).toContain(fill(t.publishDialog.title, { title: `${title} – ${screen}` }))
      expect(said).toContain(t.publishDialog.openNow)
      expect(said).toContain(`${baseUrl}/s/${slug}`)
      expect(said).toContain(t.publishDialog.changes)
      expect(said).toContain(t.publishDialog.final)
      await check(page, `${name}-3-publish-dialog`)
      await dialog.getByRole('button', { name: t.cancel }).click()
      await expect.poll(() => dialog.count()).toBe(0)
      expect(await badge.innerText()).toBe(t.statusNames.draft)
      await page.getByRole('button', { name: t.publish }).click()
      await dialog.getByRole('button', { name: t.publishDialog.confirm }).click()
      await expect.poll(() => badge.innerText()).toBe(t.statusNames.open)
      expect(await page.locator('.notice').innerText()).toBe(t.published)

      // The invitation link format, from this page's own address (no PUBLIC_URL in this server).
      const invitations = page.getByRole('region', { name: t.invitations.title })
      const format = `${baseUrl}/s/${slug}#code=${t.invitationLink.code}`
      expect(await invitations.locator('.invitation-link').innerText()).toContain(format)

      // Making the open survey invitation only asks first: the link already sent stops working.
      await invitations.getByLabel(t.invitations.invitation).check()
      await invitations.getByRole('button', { name: t.invitations.saveAccess }).click()
      expect(await dialog.innerText()).toContain(t.invitationConfirm.body)
      await check(page, `${name}-4-invitation-dialog`)
      await dialog.getByRole('button', { name: t.cancel }).click()
      await expect.poll(() => dialog.count()).toBe(0)
      expect(await publicAccess(baseUrl, slug)).toBeUndefined()
      await invitations.getByRole('button', { name: t.invitations.saveAccess }).click()
      await dialog.getByRole('button', { name: t.invitationConfirm.confirm }).click()
      await invitations.getByText(t.invitations.savedInvitation).waitFor()
      expect(await publicAccess(baseUrl, slug)).toBe('invitation')
      await page.getByText(t.invitationOnlyNote).waitFor()
      await check(page, `${name}-5-invitation-only`)
      await page.context().close()
    })
  })
})
