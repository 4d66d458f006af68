import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { ADMIN, ADMIN_ENV, signIn } from './admin-helpers'
import { hasChromium, readResponses, REPO_ROOT, screenshot } from './helpers'
import { useBrowser } from './session'

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }
const EVIL = 'https://evil.example/landing'
const REFRESH = `<meta http-equiv="refresh" content="0;url=${EVIL}">`

// Everything a questionnaire author could try in an html question; only the harmless part stays.
const HOSTILE_HTML = [
  '<h3 id="safe-heading">Before you start</h3>',
  '<p><strong>Read this</strong> and see <a id="safe-link" href="/privacy">the notice</a>.</p>',
  '<ul><li id="safe-item">Takes five minutes</li></ul>',
  REFRESH,
  '<script>window.pwned = "script"</script>',
  '<img id="bad-img" src="data:," onerror="window.pwned = \'onerror\'">',
  `<iframe src="${EVIL}"></iframe><object data="${EVIL}"></object>`,
  '<style>body { display: none }</style>',
  `<base href="${EVIL}/"><link rel="prefetch" href="${EVIL}">`,
  `<form action="${EVIL}"><input name="who" autofocus><button>Send</button></form>`,
  `<a id="js-link" href="javascript:window.pwned='href'">more</a>`,
  '<svg><animate onbegin="window.pwned=\'svg\'" attributeName="x" dur="1s"/></svg>',
].join('')

const markupSurvey = {
  title: 'Markup survey',
  // A value can carry markup too: survey-core substitutes {values} after its onProcessHtml event.
  completedHtml: `<p id="thanks">Thank you.</p>${REFRESH}<p>{trap}</p>`,
  pages: [
    {
      name: 'p1',
      elements: [
        { type: 'html', name: 'intro', html: HOSTILE_HTML },
        { type: 'html', name: 'echo', html: '<p id="echo">{trap}</p>' },
        { type: 'text', name: 'trap', defaultValue: '{payload}' },
        { type: 'text', name: 'payload', defaultValue: REFRESH },
      ],
    },
  ],
}

/** The bundled survey (the server waits for it) and the hostile one, as survey files. */
function surveysDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'markup-surveys-'))
  const bundled = join(REPO_ROOT, 'surveys', 'counter-trafficking.json')
  copyFileSync(bundled, join(dir, 'counter-trafficking.json'))
  writeFileSync(join(dir, 'markup.json'), JSON.stringify(markupSurvey))
  return dir
}

describe.skipIf(!hasChromium)('markup in a questionnaire', () => {
  const dir = hasChromium ? surveysDir() : ''
  const { server, browser } = useBrowser({ env: { ...ADMIN_ENV, SURVEYS_DIR: dir } })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  /** A page that records every request and main-frame navigation it makes. */
  async function watchedPage() {
    const page = await browser().newPage({ ...PHONE, locale: 'en-GB' })
    const seen: string[] = []
    page.on('request', (request) => seen.push(request.url()))
    page.on('framenavigated', (frame) => seen.push(`navigated: ${frame.url()}`))
    return { page, seen }
  }

  // A zero-second refresh would have fired by then.
  const settle = (page: Page) => page.waitForTimeout(1500)
  const evilTraffic = (seen: string[]) => seen.filter((url) => url.includes('evil.example'))
  const pwned = (page: Page) => page.evaluate(() => (window as { pwned?: string }).pwned ?? null)

  async function expectOnlyHarmlessMarkup(page: Page, root: string) {
    const html = await page.locator(root).innerHTML()
    for (const tag of ['<meta', '<script', '<iframe', '<object', '<style', '<base', '<link'])
      expect(html, tag).not.toContain(tag)
    for (const dangerous of ['<form', '<input', 'onerror', 'onbegin', 'javascript:'])
      expect(html, dangerous).not.toContain(dangerous)
    await expect.poll(() => page.locator('#safe-heading').innerText()).toBe('Before you start')
    expect(await page.locator('#safe-link').getAttribute('href')).toBe('/privacy')
    expect(await page.locator('#safe-item').innerText()).toBe('Takes five minutes')
    expect(await page.locator('#bad-img').count()).toBe(1) // the image stays, its handler goes
    expect(await page.locator('#js-link').getAttribute('href')).toBeNull()
  }

  it('neither leaves the page nor runs code for a respondent', { timeout: 60_000 }, async () => {
    const { page, seen } = await watchedPage()
    const address = `${server().baseUrl}/s/markup`
    await page.goto(address)
    await page.getByRole('button', { name: 'Start the survey' }).click()
    await page.locator('.sd-question[data-name="intro"]').waitFor()
    await settle(page)
    expect(page.url()).toBe(address)
    expect(evilTraffic(seen)).toEqual([])
    expect(await pwned(page)).toBeNull()
    await expectOnlyHarmlessMarkup(page, '.sd-question[data-name="intro"]')
    // The substituted value is shown as harmless text, not run as markup.
    expect(await page.locator('#echo').innerHTML()).not.toContain('<meta')
    expect(await page.locator('.sd-body').isVisible()).toBe(true)
    await screenshot(page, 'markup-01-html-question-phone')

    await page.locator('.sd-navigation__complete-btn').click()
    await page.locator('#thanks').waitFor()
    await settle(page)
    expect(page.url()).toBe(address)
    expect(evilTraffic(seen)).toEqual([])
    expect(await page.locator('.sd-completedpage').innerHTML()).not.toContain('<meta')
    expect(readResponses(server().databasePath)).toHaveLength(1)
    await screenshot(page, 'markup-02-completed-phone')
  })

  it('neither leaves the page nor runs code in the preview', { timeout: 60_000 }, async () => {
    const { page, seen } = await watchedPage()
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.goto(`${server().baseUrl}/admin`)
    await signIn(page, ADMIN.username, ADMIN.password)
    await page.getByRole('link', { name: 'New questionnaire' }).click()
    // The editor opens on its questions view; the definition is pasted in the JSON view.
    await page.getByRole('button', { name: 'JSON', exact: true }).click()
    const definition = page.getByLabel('Questionnaire definition (SurveyJS JSON)')
    await definition.fill(JSON.stringify(markupSurvey, null, 2))
    const preview = page.locator('.editor-preview')
    await preview.locator('.sd-question[data-name="intro"]').waitFor()
    const address = page.url()
    await settle(page)
    expect(page.url()).toBe(address)
    expect(evilTraffic(seen)).toEqual([])
    expect(await pwned(page)).toBeNull()
    await expectOnlyHarmlessMarkup(page, '.editor-preview .sd-question[data-name="intro"]')
    await screenshot(page, 'markup-03-admin-preview')
  })
})
