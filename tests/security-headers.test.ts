import { describe, expect, it } from 'vitest'
import { BUNDLED_SLUG, createTestContext, postJson } from './helpers.js'

const paths = [
  ['the respondent page', `/s/${BUNDLED_SLUG}`],
  ['the admin page', '/admin'],
  ['the survey API', `/api/surveys/${BUNDLED_SLUG}`],
  ['an API error', '/api/surveys/nope'],
  ['an unknown path', '/nothing'],
  ['an admin API without a session', '/api/admin/surveys'],
]

const directives = (header: string | null) =>
  Object.fromEntries((header ?? '').split(';').map((part) => {
    const [name, ...values] = part.trim().split(/\s+/)
    return [name, values]
  }))

describe('security headers', () => {
  it.each(paths)('are on %s', async (_name, path) => {
    const { app } = await createTestContext()
    const res = await app.request(path)
    const csp = directives(res.headers.get('content-security-policy'))
    expect(csp['script-src']).toEqual(["'self'"])
    expect(csp['object-src']).toEqual(["'none'"])
    expect(csp['base-uri']).toEqual(["'none'"])
    expect(csp['frame-ancestors']).toEqual(["'none'"])
    expect(csp['default-src']).toEqual(["'self'"])
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('referrer-policy')).toBe('no-referrer')
    expect(res.headers.get('x-frame-options')).toBe('DENY')
    expect(res.headers.get('strict-transport-security')).toBeNull() // plain http here
    if (path.startsWith('/api/')) expect(res.headers.get('cache-control')).toBe('no-store')
  })

  it('are on a rejected submission too', async () => {
    const { app } = await createTestContext()
    const res = await postJson(app, `/api/surveys/${BUNDLED_SLUG}/responses`, '{')
    expect(res.status).toBe(400)
    expect(res.headers.get('content-security-policy')).toContain("object-src 'none'")
    expect(res.headers.get('cache-control')).toBe('no-store')
  })

  it('add HSTS for at least a year over https', async () => {
    const { app } = await createTestContext()
    const res = await app.request(`https://survey.example/api/surveys/${BUNDLED_SLUG}`)
    const hsts = res.headers.get('strict-transport-security') ?? ''
    expect(Number(/max-age=(\d+)/.exec(hsts)?.[1])).toBeGreaterThanOrEqual(31_536_000)
  })
})
