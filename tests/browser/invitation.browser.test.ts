import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { ADMIN, ADMIN_ENV, signIn } from './admin-helpers'
import { blockingViolations, describeViolations } from './axe'
import { hasChromium, readResponses } from './helpers'
import { useBrowser } from './session'

const SLUG = 'invited'
const definition = {
  title: 'Invited survey',
  pages: [
    {
      name: 'p1',
      elements: [{ type: 'radiogroup', name: 'sector', choices: ['hospital', 'other'] }],
    },
  ],
}

/** Through the admin API: an open, invitation-only survey and its codes. */
async function inviteOnlySurvey(baseUrl: string, count: number): Promise<string[]> {
  const send = (path: string, body: unknown, cookie = '', method = 'POST') =>
    fetch(`${baseUrl}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', Cookie: cookie },
      body: JSON.stringify(body),
    })
  const login = await send('/api/auth/login', ADMIN)
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]
  const admin = '/api/admin/surveys'
  const steps = [
    await send(admin, { slug: SLUG, definition }, cookie),
    await send(`${admin}/${SLUG}/publish`, {}, cookie),
    await send(`${admin}/${SLUG}/access`, { access: 'invitation' }, cookie, 'PUT'),
    await send(`${admin}/${SLUG}/invitation-codes`, { count }, cookie),
  ]
  expect([login, ...steps].map((res) => res.status)).toEqual([200, 201, 200, 200, 201])
  return (await steps[3].text()).trimEnd().split('\r\n').slice(1)
}

describe.skipIf(!hasChromium)('invitation-only survey in the browser', () => {
  let codes: string[]
  const { server, browser } = useBrowser({
    env: ADMIN_ENV,
    setUp: async () => {
      codes = await inviteOnlySurvey(server().baseUrl, 5)
    },
  })

  const openPage = async (path: string) => {
    const context = await browser().newContext({ locale: 'en-GB' })
    const page = await context.newPage()
    const requests: string[] = []
    page.on('request', (request) => requests.push(request.url()))
    await page.goto(`${server().baseUrl}${path}`)
    return { page, requests, close: () => context.close() }
  }

  const answerAndComplete = async (page: Page) => {
    await page.getByRole('button', { name: 'Start the survey' }).click()
    await page.locator('.sd-question[data-name="sector"] .sd-item label').first().click()
    await page.locator('.sd-navigation__complete-btn').click()
  }

  it('takes the code from the link, drops it from the address bar, and spends it once', {
    timeout: 60_000,
  }, async () => {
    const { page, requests, close } = await openPage(`/s/${SLUG}#code=${codes[0]}`)
    // A valid code from the link goes straight to the privacy notice.
    await page.getByRole('button', { name: 'Start the survey' }).waitFor()
    expect(page.url()).toBe(`${server().baseUrl}/s/${SLUG}`)
    await answerAndComplete(page)
    await page.getByText('Thank you for your answers!').waitFor()
    expect(readResponses(server().databasePath)).toHaveLength(1)
    // The code travelled only in request bodies, never in an address a log could record.
    const plain = codes[0].replace(/-/g, '')
    for (const url of requests) expect(url.toUpperCase().replace(/-/g, '')).not.toContain(plain)
    await close()
  })

  it('asks for the code, with accessible errors for a wrong or used one', {
    timeout: 60_000,
  }, async () => {
    const { page, close } = await openPage(`/s/${SLUG}`)
    const input = page.getByLabel('Invitation code')
    await input.waitFor()
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByText('Enter your invitation code.').waitFor()

    await input.fill('ABCD-EFGH-JKMN-PQRS')
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByRole('alert').filter({ hasText: 'not valid for this survey' }).waitFor()
    expect(await input.getAttribute('aria-invalid')).toBe('true')
    const describedBy = (await input.getAttribute('aria-describedby')) ?? ''
    expect(describedBy.split(' ')).toContain('invitation-code-error')
    expect(describeViolations(await blockingViolations(page)), 'axe on the code step').toBe('')

    await input.fill(codes[0]) // spent by the previous test
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByText('This code has already been used.').waitFor()

    await input.fill(` ${codes[1].toLowerCase()} `)
    await page.getByRole('button', { name: 'Continue' }).click()
    await answerAndComplete(page)
    await page.getByText('Thank you for your answers!').waitFor()
    expect(readResponses(server().databasePath)).toHaveLength(2)
    await close()
  })

  it('says so when the code was used elsewhere while answering, and takes another code', {
    timeout: 60_000,
  }, async () => {
    const { page, close } = await openPage(`/s/${SLUG}#code=${codes[2]}`)
    await page.getByRole('button', { name: 'Start the survey' }).waitFor()
    const elsewhere = await fetch(`${server().baseUrl}/api/surveys/${SLUG}/responses`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ answers: { sector: 'other' }, code: codes[2] }),
    })
    expect(elsewhere.status).toBe(201)
    await answerAndComplete(page)
    await page.getByRole('alert').filter({ hasText: 'already been used' }).waitFor()
    expect(readResponses(server().databasePath)).toHaveLength(3)
    // The answers are still on the page: another code sends them.
    const input = page.locator('#submit-invitation-code')
    // Keyboard and screen-reader users land in the field.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toBe('submit-invitation-code')
    expect(describeViolations(await blockingViolations(page)), 'axe on the code field').toBe('')
    await input.fill(codes[3])
    await page.getByRole('button', { name: 'Send with this code' }).click()
    await page.getByText('Thank you for your answers!').waitFor()
    expect(readResponses(server().databasePath)).toHaveLength(4)
    await close()
  })

  it('asks for a code on sending when the survey became invitation-only while answering', {
    timeout: 60_000,
  }, async () => {
    const send = (path: string, body: unknown, cookie = '', method = 'POST') =>
      fetch(`${server().baseUrl}${path}`, {
        method,
        headers: { 'Content-Type': 'application/json', Cookie: cookie },
        body: JSON.stringify(body),
      })
    const login = await send('/api/auth/login', ADMIN)
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]
    const access = (value: string) =>
      send(`/api/admin/surveys/${SLUG}/access`, { access: value }, cookie, 'PUT')
    expect((await access('public')).status).toBe(200)
    const { page, close } = await openPage(`/s/${SLUG}`)
    await page.getByRole('button', { name: 'Start the survey' }).waitFor()
    expect((await access('invitation')).status).toBe(200)
    await answerAndComplete(page)
    await page.getByRole('alert').filter({ hasText: 'needs an invitation code' }).waitFor()
    expect(readResponses(server().databasePath)).toHaveLength(4)
    await page.getByLabel('Invitation code').fill(codes[4])
    await page.getByRole('button', { name: 'Send with this code' }).click()
    await page.getByText('Thank you for your answers!').waitFor()
    expect(readResponses(server().databasePath)).toHaveLength(5)
    await close()
  })

  it('lets an admin see the counts, download new codes and open the survey to everyone', {
    timeout: 60_000,
  }, async () => {
    const context = await browser().newContext({ locale: 'en-GB', acceptDownloads: true })
    const page = await context.newPage()
    await page.goto(`${server().baseUrl}/admin/surveys/${SLUG}`)
    await signIn(page, ADMIN.username, ADMIN.password)
    const section = page.getByRole('region', { name: 'Who can answer' })
    await section.getByText('Invitation codes: 5 of 5 used').waitFor()
    expect(await section.getByLabel('Invitation only').isChecked()).toBe(true)
    await page.getByText('Only people with an invitation code can answer.').waitFor()

    await section.getByLabel('Number of new codes').fill('5')
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      section.getByRole('button', { name: 'Generate and download' }).click(),
    ])
    expect(file.suggestedFilename()).toBe(`${SLUG}-invitation-codes.csv`)
    const lines = readFileSync(await file.path(), 'utf8').trimEnd().split('\r\n')
    expect(lines[0]).toBe('code')
    expect(lines.slice(1)).toHaveLength(5)
    await section.getByText('Invitation codes: 5 of 10 used').waitFor()

    await section.getByLabel('Anyone with the link').check()
    await section.getByRole('button', { name: 'Save access' }).click()
    await section.getByText('Saved: the survey is now open to anyone with the link.').waitFor()
    await page.getByText('Anyone with this link can answer.').waitFor()
    const survey = await (await fetch(`${server().baseUrl}/api/surveys/${SLUG}`)).json()
    expect(survey.access).toBeUndefined()
    await context.close()
  })
})
