import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createTokenSchema, loginSchema } from '../server/accounts/contract.js'
import { createTestContext } from './helpers.js'

type Doc = {
  openapi: string
  paths: Record<string, Record<string, Record<string, any>>>
  components: Record<string, Record<string, unknown>>
}

async function setup() {
  const ctx = await createTestContext({ loadBundled: false })
  const res = await ctx.app.request('/api/openapi.json')
  expect(res.status).toBe(200)
  return { ...ctx, doc: (await res.json()) as Doc }
}

/** Every endpoint the real app serves under /api, as "GET /api/surveys/{slug}". */
const appEndpoints = (app: Awaited<ReturnType<typeof setup>>['app']) =>
  [
    ...new Set(
      app.routes
        .filter((route) => route.method !== 'ALL' && route.path.startsWith('/api/'))
        .map((route) => `${route.method} ${route.path.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}')}`),
    ),
  ].sort()

const documented = (doc: Doc) =>
  Object.entries(doc.paths)
    .flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`))
    .sort()

function refs(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refs)
  if (value === null || typeof value !== 'object') return []
  return Object.entries(value).flatMap(([key, inner]) =>
    key === '$ref' && typeof inner === 'string' ? [inner] : refs(inner),
  )
}

const resolve = (doc: Doc, ref: string) =>
  ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc)

describe('GET /api/openapi.json', () => {
  it('is public and describes every API route of the app, and nothing else', async () => {
    const { app, doc } = await setup()
    // A new endpoint without an entry in server/platform/openapi/operations.ts fails here.
    expect(documented(doc)).toEqual(appEndpoints(app))
  })

  it('is a structurally sound OpenAPI 3.1 document', async () => {
    const { doc } = await setup()
    expect(doc.openapi).toBe('3.1.0')
    const operationIds = new Set<string>()
    for (const [path, ops] of Object.entries(doc.paths)) {
      expect(path).toMatch(/^\/api\/[^:]*$/)
      for (const [method, op] of Object.entries(ops)) {
        expect(['get', 'post', 'put', 'delete']).toContain(method)
        expect(Object.keys(op.responses).some((status) => /^2\d\d$/.test(status))).toBe(true)
        expect(operationIds.has(op.operationId)).toBe(false)
        operationIds.add(op.operationId)
        const declared = (op.parameters ?? []).filter((p: { in: string }) => p.in === 'path')
        const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1])
        expect(declared.map((p: { name: string }) => p.name)).toEqual(inPath)
      }
    }
    const all = refs(doc)
    expect(all.length).toBeGreaterThan(0)
    for (const ref of all) expect(resolve(doc, ref), ref).toBeDefined()
  })

  it('describes request bodies with the very schemas the routes validate with', async () => {
    const { doc } = await setup()
    const body = (path: string) =>
      doc.paths[path].post.requestBody.content['application/json'].schema
    const { $schema: _, ...login } = z.toJSONSchema(loginSchema, { io: 'input' })
    expect(body('/api/auth/login')).toEqual(login)
    expect(body('/api/admin/tokens')).toMatchObject({
      additionalProperties: false,
      required: ['name'],
      properties: { expiresInDays: { type: 'integer', minimum: 1, maximum: 365 } },
    })
    expect(createTokenSchema.safeParse({ name: 'x', expiresInDays: 366 }).success).toBe(false)
  })

  it('says which endpoints accept an API token: exactly the read-only results routes', async () => {
    const { doc } = await setup()
    const withToken = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => op.security.some((s: object) => 'apiToken' in s))
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    )
    expect(withToken.every((key) => key.startsWith('GET /api/admin/surveys'))).toBe(true)
    expect(withToken).toEqual(
      expect.arrayContaining([
        'GET /api/admin/surveys/{slug}/aggregates',
        'GET /api/admin/surveys/{slug}/export',
        'GET /api/admin/surveys/{slug}/codebook',
      ]),
    )
    const exportFormats = doc.paths['/api/admin/surveys/{slug}/export'].get.parameters.find(
      (p: { name: string }) => p.name === 'format',
    )
    expect(exportFormats.schema.enum).toEqual([
      ...['csv', 'xlsx', 'json', 'csv-semicolon'],
      ...['r', 'sps', 'zip'],
    ])
  })

  it('uses one error shape for every error response', async () => {
    const { doc } = await setup()
    for (const ops of Object.values(doc.paths)) {
      for (const op of Object.values(ops)) {
        for (const [status, response] of Object.entries(op.responses as Record<string, any>)) {
          if (Number(status) < 400) continue
          expect(response.content['application/json'].schema).toEqual({
            $ref: '#/components/schemas/Error',
          })
        }
      }
    }
  })
})

describe('GET /api/docs', () => {
  it('lists every documented endpoint on a page without scripts', async () => {
    const { app, doc } = await setup()
    const res = await app.request('/api/docs')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    const html = await res.text()
    expect(html).not.toMatch(/<script/i)
    for (const path of Object.keys(doc.paths)) {
      expect(html).toContain(`<code>${path.replace(/&/g, '&#38;')}</code>`)
    }
  })
})
