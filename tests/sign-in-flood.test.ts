import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startNode, SURVEY_SLUG, type NodeProcess } from './server-process.js'

// Issue 14, finding 6, on the real server (production scrypt cost, 128 MiB per hash): 40 sign-ins
// at once must not stall a gzip-compressed response, which needs a libuv thread too. Without the
// bound, its gzip job waits behind every queued hash and it answers about when the flood ends.

let server: NodeProcess
let dir: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sign-in-flood-'))
  server = await startNode(
    'server/index.ts',
    {
      NODE_OPTIONS: '--import tsx',
      DATABASE_URL: join(dir, 'survey.db'),
      TRUST_PROXY: 'true', // so that the flood comes from 40 addresses, past the per-client limit
      ADMIN_PASSWORD: 'a long enough admin password',
    },
    { readyPath: `/api/surveys/${SURVEY_SLUG}`, pollMs: 200, timeoutMs: 60_000 },
  )
}, 90_000)

afterAll(async () => {
  await server?.stop()
  rmSync(dir, { recursive: true, force: true })
})

const signIn = (i: number) =>
  fetch(`${server.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': `10.9.0.${i}` },
    body: JSON.stringify({ username: `flood${i}`, password: 'a wrong password' }),
  })

/** Milliseconds for a gzip-compressed GET of the OpenAPI document (about 40 KB). */
async function compressedGet(): Promise<number> {
  const started = performance.now()
  const res = await fetch(`${server.baseUrl}/api/openapi.json`, {
    headers: { 'Accept-Encoding': 'gzip' },
  })
  await res.arrayBuffer()
  expect(res.status).toBe(200)
  expect(res.headers.get('content-encoding')).toBe('gzip')
  return performance.now() - started
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]

describe('a flood of sign-ins on the real server', () => {
  it('leaves a compressed GET fast: well before the flood is over', async () => {
    expect((await signIn(200)).status).toBe(401) // makes the dummy hash once
    const quiet: number[] = []
    for (let i = 0; i < 5; i++) quiet.push(await compressedGet())

    const started = performance.now()
    const flood = Promise.all(
      Array.from({ length: 40 }, (_, i) => signIn(i).then((res) => res.status)),
    )
    await new Promise((resolve) => setTimeout(resolve, 300)) // hashing under way
    const loaded = await compressedGet()
    const statuses = await flood
    const floodMs = performance.now() - started

    console.log(
      `compressed GET: ${median(quiet).toFixed(0)} ms quiet, ${loaded.toFixed(0)} ms during ` +
        `40 sign-ins (${floodMs.toFixed(0)} ms in all); ` +
        `${statuses.filter((s) => s === 503).length} answered 503 busy`,
    )
    expect(statuses.every((status) => status === 401 || status === 503)).toBe(true)
    // Relative to this run only: the flood must still be going on for a while after.
    expect(loaded).toBeLessThan(floodMs / 4)
  }, 120_000)
})
