import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../server/platform/security-headers.js'
import {
  addSurvey,
  BUNDLED_SLUG,
  createTestContext,
  createUser,
  signedInClient,
  signIn,
} from './helpers.js'
import { miniSurvey } from './fixtures.js'
import { answerFixture } from './reports-fixtures.js'

const PASSWORD = 'correct horse battery staple'
const base = `/api/admin/surveys/${BUNDLED_SLUG}`
const reportPath = (n: number | string, slug = BUNDLED_SLUG) =>
  `/api/admin/surveys/${slug}/releases/${n}/report`

/** The bundled survey with the fixture's answers, one release, an admin and a researcher. */
async function setup({ release = true } = {}) {
  const ctx = await createTestContext()
  await createUser(ctx.db, 'anna', 'admin', PASSWORD)
  await createUser(ctx.db, 'rasmus', 'researcher', PASSWORD)
  const cookies = {
    admin: await signIn(ctx.app, 'anna', PASSWORD),
    researcher: await signIn(ctx.app, 'rasmus', PASSWORD),
  }
  const admin = signedInClient(ctx.app, cookies.admin)
  const researcher = signedInClient(ctx.app, cookies.researcher)
  await answerFixture(ctx.app)
  if (release) expect((await admin.post(`${base}/releases`)).status).toBe(201)
  const audit = async (action: string) =>
    (await ctx.db.selectFrom('audit_log').selectAll().where('action', '=', action).execute()).map(
      (row) => ({ actor: row.actor, target: row.target, details: JSON.parse(row.details ?? 'null') }),
    )
  const remove = (cookie: string, path: string) =>
    ctx.app.request(path, {
      method: 'DELETE',
      headers: { Cookie: cookie, 'Content-Type': 'application/json' },
    })
  return { ...ctx, admin, researcher, audit, remove, cookies }
}

const expectError = async (res: Response, status: number, code: string) => {
  expect(res.status).toBe(status)
  const body = await res.json()
  expect(body).toEqual({ error: { code, message: expect.any(String), details: expect.any(Array) } })
}

describe('publishing a release as a report', () => {
  it('answers 201 with /r/<id>, an id of 128 random bits, readable without signing in', async () => {
    const { app, admin } = await setup()
    const res = await admin.post(reportPath(1), { title: { sv: 'Rapport 2026' } })
    expect(res.status).toBe(201)
    const { url } = await res.json()
    expect(url).toMatch(/^\/r\/[A-Za-z0-9_-]{22}$/)
    expect(Buffer.from(url.slice(3), 'base64url')).toHaveLength(16)
    const page = await app.request(`${url}?lang=sv`)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toMatch(/^text\/html/)
    expect(await page.text()).toContain('<h1 id="title">Rapport 2026</h1>')
  })

  it('gives every report its own id', async () => {
    const { admin } = await setup()
    expect((await admin.post(`${base}/releases`, {})).status).toBe(201)
    const first = await (await admin.post(reportPath(1), {})).json()
    const second = await (await admin.post(reportPath(2), {})).json()
    expect(first.url).not.toBe(second.url)
  })

  it('publishing again keeps the address and replaces the choices (200)', async () => {
    const { app, admin } = await setup()
    const { url } = await (await admin.post(reportPath(1), { title: { en: 'First' } })).json()
    const again = await admin.post(reportPath(1), { title: { en: 'Second' } })
    expect(again.status).toBe(200)
    expect(await again.json()).toEqual({ url })
    expect(await (await app.request(`${url}?lang=en`)).text()).toContain('Second')
  })

  it('is audited with the release, and so is a withdrawal', async () => {
    const { admin, audit, remove, cookies } = await setup()
    await admin.post(reportPath(1), {})
    await admin.post(reportPath(1), { title: { fi: 'Uusi' } })
    expect((await remove(cookies.admin, reportPath(1))).status).toBe(200)
    expect(await audit('report.publish')).toEqual([
      { actor: 'anna', target: BUNDLED_SLUG, details: { release: 1, replaced: false } },
      { actor: 'anna', target: BUNDLED_SLUG, details: { release: 1, replaced: true } },
    ])
    expect(await audit('report.withdraw')).toEqual([
      { actor: 'anna', target: BUNDLED_SLUG, details: { release: 1 } },
    ])
  })

  it('refuses an unknown survey or release with the error shape, storing nothing', async () => {
    const { admin, db } = await setup()
    await expectError(await admin.post(reportPath(1, 'nope'), {}), 404, 'survey_not_found')
    await expectError(await admin.post(reportPath(2), {}), 404, 'release_not_found')
    await expectError(await admin.post(reportPath('1e3'), {}), 404, 'release_not_found')
    await expectError(await admin.post(reportPath('-1'), {}), 404, 'release_not_found')
    await addSurvey(db, 'mini', miniSurvey)
    await expectError(await admin.post(reportPath(1, 'mini'), {}), 404, 'release_not_found')
    expect(await db.selectFrom('reports').selectAll().execute()).toEqual([])
  })

  it('refuses dimensions and questions the release does not publish, and free text', async () => {
    const { admin, db } = await setup()
    await expectError(await admin.post(reportPath(1), { by: ['shoe_size'] }), 422, 'invalid_dimension')
    const freeText = await admin.post(reportPath(1), { questions: ['comment', 'training_received'] })
    await expectError(freeText.clone(), 422, 'invalid_question')
    expect((await freeText.json()).error.details).toEqual([
      { field: 'questions', message: '"comment" has no figures in this release.' },
    ])
    await expectError(await admin.post(reportPath(1), { colour: 'red' }), 400, 'invalid_body')
    await expectError(await admin.post(reportPath(1), { title: 'not per language' }), 400, 'invalid_body')
    expect(await db.selectFrom('reports').selectAll().execute()).toEqual([])
  })

  it('is for admins: researchers get 403 and may list; without a session 401', async () => {
    const { app, admin, researcher, remove, cookies } = await setup()
    await expectError(await researcher.post(reportPath(1), {}), 403, 'forbidden')
    const { url } = await (await admin.post(reportPath(1), {})).json()
    await expectError(await remove(cookies.researcher, reportPath(1)), 403, 'forbidden')
    const list = await researcher.get(`${base}/reports`)
    expect(list.status).toBe(200)
    expect(await list.json()).toEqual({ listed: false, reports: [{ release: 1, url, options: {} }] })
    await expectError(await app.request(`${base}/reports`), 401, 'unauthorized')
    await expectError(
      await app.request(reportPath(1), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }),
      401,
      'unauthorized',
    )
  })
})

describe('withdrawing a report', () => {
  it('makes its address answer 404, exactly as an id that never existed', async () => {
    const { app, admin, remove, cookies } = await setup()
    const { url } = await (await admin.post(reportPath(1), {})).json()
    expect((await app.request(url)).status).toBe(200)
    expect(await (await remove(cookies.admin, reportPath(1))).json()).toEqual({ ok: true })
    const withdrawn = await app.request(url)
    const never = await app.request('/r/AAAAAAAAAAAAAAAAAAAAAA')
    expect(withdrawn.status).toBe(404)
    expect(never.status).toBe(404)
    expect(await withdrawn.text()).toBe(await never.text())
    expect([...withdrawn.headers].sort()).toEqual([...never.headers].sort())
    expect((await app.request(`${url}/download`)).status).toBe(404)
  })

  it('answers 404 report_not_found for a release without a report', async () => {
    const { remove, cookies } = await setup()
    await expectError(await remove(cookies.admin, reportPath(1)), 404, 'report_not_found')
  })

  it('leaves the address gone for good: publishing again makes a new one', async () => {
    const { app, admin, remove, cookies } = await setup()
    const first = await (await admin.post(reportPath(1), {})).json()
    await remove(cookies.admin, reportPath(1))
    const second = await (await admin.post(reportPath(1), {})).json()
    expect(second.url).not.toBe(first.url)
    expect((await app.request(first.url)).status).toBe(404)
  })
})

describe('the public pages', () => {
  it('front page: in the reader’s language, lists reports and a sign-in link; no cookie', async () => {
    const { app, admin } = await setup()
    const { url } = await (await admin.post(reportPath(1), { title: { sv: 'Årsrapport' } })).json()
    const res = await app.request('/', { headers: { 'Accept-Language': 'sv-FI,sv;q=0.9,en;q=0.5' } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    expect(res.headers.get('set-cookie')).toBeNull()
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    const html = await res.text()
    expect(html).toContain('<html lang="sv">')
    expect(html).toContain(`<a href="${url}?lang=sv">Årsrapport</a>`)
    expect(html).toContain('href="/admin"')
    expect(html).not.toMatch(/<script/i)
    expect(await (await app.request('/?lang=fi')).text()).toContain('<html lang="fi">')
  })

  it('lists an open survey only where an admin chose to, and only while open', async () => {
    const { app, admin, researcher, audit } = await setup()
    const link = `href="/s/${BUNDLED_SLUG}?lang=en"`
    expect(await (await app.request('/')).text()).not.toContain(link)
    await expectError(await researcher.put(`${base}/listing`, { listed: true }), 403, 'forbidden')
    const res = await admin.put(`${base}/listing`, { listed: true })
    expect(await res.json()).toEqual({ slug: BUNDLED_SLUG, listed: true })
    expect(await (await app.request('/')).text()).toContain(link)
    expect((await (await admin.get(`${base}/reports`)).json()).listed).toBe(true)
    expect(await audit('survey.listing')).toEqual([
      { actor: 'anna', target: BUNDLED_SLUG, details: { listed: true } },
    ])
    await admin.post(`${base}/close`, {})
    expect(await (await app.request('/')).text()).not.toContain(link)
    await expectError(await admin.put('/api/admin/surveys/nope/listing', { listed: true }), 404, 'survey_not_found')
    await expectError(await admin.put(`${base}/listing`, { listed: 'yes' }), 400, 'invalid_body')
  })

  it('report page: no cookie, no script, the CSP of every page, revalidated on each load', async () => {
    const { app, admin, cookies } = await setup()
    const { url } = await (await admin.post(reportPath(1), {})).json()
    // Even a signed-in admin's browser gets nothing set.
    const res = await app.request(url, { headers: { Cookie: cookies.admin } })
    expect(res.headers.get('set-cookie')).toBeNull()
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(res.headers.get('cache-control')).toBe('no-cache')
    const html = await res.text()
    expect(html).not.toMatch(/<script|\son\w+=/i)
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i)
  })

  it('escapes every text: a title or summary cannot add markup', async () => {
    const { app, admin } = await setup()
    const evil = '<img src=x onerror=alert(1)><script>alert(2)</script>'
    const body = { title: { en: evil }, summary: { en: `${evil}\n\n"quoted" & more` } }
    const { url } = await (await admin.post(reportPath(1), body)).json()
    const html = await (await app.request(`${url}?lang=en`)).text()
    expect(html).not.toContain('<img src=x')
    expect(html).not.toContain('<script>')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(2)&lt;/script&gt;')
    expect(html).toContain('&quot;quoted&quot; &amp; more')
  })

  it('downloads as one standalone HTML file: attachment, inline CSS, no reference elsewhere', async () => {
    const { app, admin } = await setup()
    const { url } = await (await admin.post(reportPath(1), {})).json()
    const res = await app.request(`${url}/download?lang=fi`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="[^"]+\.html"/)
    const html = await res.text()
    expect(html).toContain('<html lang="fi">')
    expect(html).toContain('<style>')
    expect(html).not.toMatch(/<link|<script|\ssrc=|href="\/|url\(/i)
  })

  it('answers an id that cannot be one with the same 404 page, without looking it up', async () => {
    const { app } = await setup({ release: false })
    for (const id of ['x', 'A'.repeat(23), '%00', '..%2Fadmin']) {
      const res = await app.request(`/r/${id}`)
      expect(res.status).toBe(404)
      expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    }
  })
})
