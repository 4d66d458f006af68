import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CLIENT_DIR, createTestContext } from './helpers.js'

// `npm test` builds the client first (pretest), so the built files are part of what is tested.
const built = existsSync(join(CLIENT_DIR, 'respondent', 'index.html'))

describe.runIf(built)('the respondent web app', () => {
  it('serves the respondent page for a survey link, revalidated on every load', async () => {
    const { app } = await createTestContext()
    const res = await app.request('/s/counter-trafficking')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    expect(res.headers.get('cache-control')).toBe('no-cache')
    const html = await res.text()
    expect(html).toMatch(/<script type="module"[^>]* src="\/assets\/[^"]+\.js"/)
    expect(html).not.toMatch(/https?:\/\//) // every asset is self-hosted
  })

  it('serves hashed assets as immutable and compressed', async () => {
    const { app } = await createTestContext()
    // Files under 1 KiB are sent as they are (client/build/precompress.ts): take a larger one.
    const asset = readdirSync(join(CLIENT_DIR, 'assets')).find(
      (file) => file.endsWith('.js') && statSync(join(CLIENT_DIR, 'assets', file)).size >= 1024,
    )
    const res = await app.request(`/assets/${asset}`, { headers: { 'Accept-Encoding': 'gzip' } })
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(res.headers.get('content-encoding')).toBe('gzip')
  })

  it('serves the admin app under /admin, sharing no admin code with respondents', async () => {
    const { app } = await createTestContext()
    const pages = ['/admin', '/admin/', '/admin/surveys/counter-trafficking/edit']
    const adminHtml = new Set<string>()
    for (const path of pages) {
      const res = await app.request(path)
      expect(res.status, path).toBe(200)
      expect(res.headers.get('cache-control')).toBe('no-cache')
      expect(res.headers.get('x-frame-options')).toBe('DENY')
      adminHtml.add(await res.text())
    }
    expect(adminHtml.size).toBe(1)
    const script = /<script type="module"[^>]* src="\/assets\/([^"]+\.js)"/
    const adminEntry = script.exec([...adminHtml][0])?.[1] ?? 'admin entry missing'
    // The admin's texts may sit in a chunk the entry imports statically (its i18n).
    const entryCode = readFileSync(join(CLIENT_DIR, 'assets', adminEntry), 'utf8')
    const staticImports = [...entryCode.matchAll(/^import\{[^}]*\}from"\.\/([\w.-]+\.js)"/gm)]
      .concat([...entryCode.matchAll(/;import\{[^}]*\}from"\.\/([\w.-]+\.js)"/g)])
      .map((m) => m[1])
    const adminCode = [adminEntry, ...staticImports].map((file) =>
      readFileSync(join(CLIENT_DIR, 'assets', file), 'utf8'),
    )
    expect(adminCode.some((code) => code.includes('Survey admin'))).toBe(true)

    // Every script a respondent can load (entry, preloads, their imports, lazy chunks).
    const respondentHtml = await (await app.request('/s/counter-trafficking')).text()
    const pending = [...respondentHtml.matchAll(/\/assets\/([^"]+\.js)"/g)].map((m) => m[1])
    const loaded = new Set<string>()
    for (let file = pending.pop(); file; file = pending.pop()) {
      if (loaded.has(file)) continue
      loaded.add(file)
      const code = readFileSync(join(CLIENT_DIR, 'assets', file), 'utf8')
      pending.push(...[...code.matchAll(/["'`]\.\/([\w.-]+\.js)["'`]/g)].map((m) => m[1]))
    }
    expect([...loaded].some((file) => file.startsWith('SurveyScreen'))).toBe(true)
    expect([...loaded]).not.toContain(adminEntry)
    for (const file of loaded) {
      const code = readFileSync(join(CLIENT_DIR, 'assets', file), 'utf8')
      expect(code, file).not.toContain('Survey admin')
    }
  })

  it('ships no admin code to respondents', async () => {
    const { app } = await createTestContext()
    const html = await (await app.request('/s/counter-trafficking')).text()
    expect(html).not.toMatch(/admin/i)
  })
})

describe('unknown paths', () => {
  it('answer 404 in the error shape', async () => {
    const { app } = await createTestContext({ loadBundled: false })
    const res = await app.request('/nothing/here')
    expect(res.status).toBe(404)
    expect((await res.json()).error.code).toBe('not_found')
  })
})
