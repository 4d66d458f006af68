import { once } from 'node:events'
import { createServer, request, type IncomingMessage, type Server } from 'node:http'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { ADMIN, ADMIN_ENV } from './admin-helpers'
import { hasChromium, readResponses, screenshot } from './helpers'
import { useBrowser } from './session'

// A send that fails on the way is sent again by the respondent app with the same answers and
// Idempotency-Key, until it is stored: once, even when only the server's answer was lost.
const SLUG = 'resend'
const definition = {
  title: 'Resend survey',
  pages: [
    {
      name: 'p1',
      elements: [{ type: 'radiogroup', name: 'sector', choices: ['hospital', 'other'] }],
    },
  ],
}

async function publish(baseUrl: string) {
  const send = (path: string, body: unknown, cookie = '') =>
    fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie },
      body: JSON.stringify(body),
    })
  const login = await send('/api/auth/login', ADMIN)
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]
  const made = await send('/api/admin/surveys', { slug: SLUG, definition }, cookie)
  const opened = await send(`/api/admin/surveys/${SLUG}/publish`, {}, cookie)
  expect([login.status, made.status, opened.status]).toEqual([200, 201, 200])
}

/**
 * An HTTP proxy in front of the server that passes every request on, but for the first
 * submission waits for the server's answer (the response is then stored) and closes the
 * browser's connection instead of passing it back.
 */
async function answerLosingProxy(target: string) {
  let lost = 0
  const server: Server = createServer((req, res) => {
    const upstream = request(
      `${target}${req.url}`,
      { method: req.method, headers: req.headers },
      (answer: IncomingMessage) => {
        if (req.method === 'POST' && req.url?.endsWith('/responses') && lost === 0) {
          lost++
          answer.resume()
          answer.on('end', () => req.socket.destroy())
          return
        }
        // No connection is reused: Chromium quietly resends a request whose reused connection
        // closed before any byte came back, and the app must meet this failure itself.
        res.writeHead(answer.statusCode ?? 502, { ...answer.headers, connection: 'close' })
        answer.pipe(res)
      },
    )
    req.pipe(upstream)
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return { baseUrl: `http://127.0.0.1:${port}`, lost: () => lost, close: () => server.close() }
}

describe.skipIf(!hasChromium)('resending answers after a failed send', () => {
  const { server, browser } = useBrowser({ env: ADMIN_ENV, setUp: () => publish(server().baseUrl) })

  const openSurvey = async (baseUrl: string, viewport = { width: 390, height: 844 }) => {
    const context = await browser().newContext({ locale: 'en-GB', viewport })
    const page = await context.newPage()
    const keys: string[] = []
    page.on('request', (req) => {
      if (req.method() === 'POST') keys.push(req.headers()['idempotency-key'] ?? '')
    })
    await page.goto(`${baseUrl}/s/${SLUG}`)
    await page.getByRole('button', { name: 'Start the survey' }).click()
    await page.locator('.sd-question[data-name="sector"] .sd-item label').first().click()
    return { page, keys, close: () => context.close() }
  }
  const complete = (page: Page) => page.locator('.sd-navigation__complete-btn').click()

  it(
    'says it is retrying on 503, keeps the answers, and stores them once on the third try',
    {
      timeout: 60_000,
    },
    async () => {
      const stored = readResponses(server().databasePath).length
      const { page, keys, close } = await openSurvey(server().baseUrl)
      let refused = 0
      await page.route('**/responses', async (route) => {
        if (refused++ < 2) {
          const error = { code: 'service_unavailable', message: 'busy', details: [] }
          return route.fulfill({ status: 503, headers: { 'Retry-After': '1' }, json: { error } })
        }
        return route.continue()
      })
      await complete(page)
      const message = page.getByRole('alert').filter({ hasText: 'sent again automatically' })
      await message.waitFor()
      expect(await page.getByRole('button', { name: 'Try again' }).isVisible()).toBe(true)
      await screenshot(page, 'resend-01-retrying-phone')
      await page.getByText('Thank you for your answers!').waitFor({ timeout: 30_000 })
      expect(refused).toBe(3)
      // Every try carried the same key: the server can tell a resend from a new response.
      expect(new Set(keys).size).toBe(1)
      expect(keys[0]).toMatch(/^"[A-Za-z0-9_-]{22}"$/)
      expect(readResponses(server().databasePath)).toHaveLength(stored + 1)
      await close()
    },
  )

  it(
    'stores one response when the answer to the first send is lost on the way back',
    {
      timeout: 60_000,
    },
    async () => {
      const stored = readResponses(server().databasePath).length
      const proxy = await answerLosingProxy(server().baseUrl)
      try {
        const { page, keys, close } = await openSurvey(proxy.baseUrl, { width: 1366, height: 900 })
        await complete(page)
        await page.getByRole('alert').filter({ hasText: 'Check your network connection' }).waitFor()
        await screenshot(page, 'resend-02-lost-answer-laptop')
        // The respondent does not wait for the automatic try: "Try again" sends at once.
        await page.getByRole('button', { name: 'Try again' }).click()
        await page.getByText('Thank you for your answers!').waitFor({ timeout: 30_000 })
        expect(proxy.lost()).toBe(1)
        expect(keys.length).toBeGreaterThanOrEqual(2)
        expect(new Set(keys).size).toBe(1)
        expect(readResponses(server().databasePath)).toHaveLength(stored + 1)
        await close()
      } finally {
        proxy.close()
      }
    },
  )
})
