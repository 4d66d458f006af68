import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { validSubmission } from './endpoints/valid-submissions.js'
import { buildApp, startServerAt, SURVEY_SLUG } from './server-process.js'

// Fixed numbers of requests rather than a duration: autocannon drops the requests still in
// flight when a duration ends, and those could be stored unacknowledged, spoiling the count. A
// short first run measures the rate, so the main run takes about LOAD_SECONDS on any machine.
const SECONDS = Number(process.env.LOAD_SECONDS) || 6
const WARM_UP_REQUESTS = 30
const CONNECTIONS = 10

const bodies = Array.from({ length: 6 }, (_, n) => JSON.stringify(validSubmission(n)))

const submit = (baseUrl: string, amount: number) =>
  autocannon({
    url: `${baseUrl}/api/surveys/${SURVEY_SLUG}/responses`,
    connections: CONNECTIONS,
    amount,
    timeout: 30,
    requests: bodies.map((body) => ({
      method: 'POST' as const,
      headers: { 'content-type': 'application/json' },
      body,
    })),
  })

const created = (result: autocannon.Result) => result.statusCodeStats?.['201']?.count ?? 0
const failures = (result: autocannon.Result) => ({
  errors: result.errors,
  timeouts: result.timeouts,
  non2xx: result.non2xx,
})

describe('load: concurrent submissions to the real server (loopback)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'survey-load-test-'))
  const databasePath = join(dataDir, 'survey.db')

  beforeAll(() => buildApp(), 120_000)
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

  it('acknowledges and stores every submission, with no error', async () => {
    // The submission rate limit is lifted by startServerAt: every request comes from 127.0.0.1.
    const server = await startServerAt(databasePath)
    let warmUp: autocannon.Result
    let main: autocannon.Result
    try {
      warmUp = await submit(server.baseUrl, WARM_UP_REQUESTS)
      const rate = WARM_UP_REQUESTS / Math.max(warmUp.duration, 0.1)
      main = await submit(server.baseUrl, Math.max(20, Math.round(rate * SECONDS)))
    } finally {
      await server.stop()
    }
    expect(server.output()).not.toMatch(/unexpected error/i)

    const db = new Database(databasePath, { readonly: true })
    const stored = (db.prepare('select count(*) as n from responses').get() as { n: number }).n
    db.close()
    const acknowledged = created(warmUp) + created(main)
    console.info(
      `load test: ${main.requests.sent} submissions over ${CONNECTIONS} connections in ` +
        `${main.duration.toFixed(1)} s: ${Math.round(main.requests.average)} req/s mean, ` +
        `latency p50 ${main.latency.p50} ms, p99 ${main.latency.p99} ms; ` +
        `${acknowledged} acknowledged in all (with the warm-up), ${stored} stored`,
    )
    const none = { errors: 0, timeouts: 0, non2xx: 0 }
    expect(failures(warmUp)).toEqual(none)
    expect(failures(main)).toEqual(none)
    expect(created(main)).toBe(main.requests.sent)
    expect(stored).toBe(acknowledged)
  }, 180_000)
})
