import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SQLite from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { measureAggregation } from './bench/aggregation.js'
import { answerGenerator, bundledDefinition } from './bench/answers.js'
import { buildServers, SERVER_BARE, SERVER_FULL } from './bench/build.js'
import { generateResponses } from './bench/generate.js'
import { measureLoad, startForLoad } from './bench/submission.js'
import { measureSubmissionParts } from './bench/submission-parts.js'

// The bench's pieces at tiny sizes: only correctness is checked here, never speed
// (`npm run bench` measures; see README, "Benchmarks").
describe('bench smoke', () => {
  let dir: string
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'survey-bench-smoke-'))
    await buildServers()
  }, 60_000)
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  const bodies = () => {
    const generator = answerGenerator(bundledDefinition(), 3)
    return Array.from({ length: 5 }, () => JSON.stringify({ answers: generator.answers() }))
  }
  const load = { seconds: 1, warmupSeconds: 1, connections: 2 }

  it('loads the bare route and the real server without errors; every 201 is stored', async () => {
    const bare = await startForLoad(SERVER_BARE, {})
    const bareResult = await measureLoad('bare', bare, bodies(), load).finally(() => bare.stop())
    expect(bareResult.errors).toBe(0)
    expect(bareResult.acknowledged).toBeGreaterThan(0)

    const databasePath = join(dir, 'load.db')
    const server = await startForLoad(SERVER_FULL, {
      DATABASE_URL: databasePath,
      SUBMISSION_RATE_LIMIT: '1000000',
      ADMIN_PASSWORD: 'bench-password-not-secret',
    })
    const result = await measureLoad('full', server, bodies(), load).finally(() => server.stop())
    expect(result.errors).toBe(0)
    const sqlite = new SQLite(databasePath, { readonly: true })
    const { n } = sqlite.prepare('select count(*) as n from responses').get() as { n: number }
    sqlite.close()
    // Requests still in flight when the run ends may be stored without being counted as 201s.
    expect(n).toBeGreaterThanOrEqual(result.acknowledged)
  }, 120_000)

  it('times the steps of a submission: validation both ways, preparing, storing both ways', async () => {
    const parts = await measureSubmissionParts(dir, bodies(), 10)
    for (const ms of Object.values(parts)) expect(ms).toBeGreaterThan(0)
  }, 60_000)

  it('generates valid responses and computes baseline, release and aggregates on them', async () => {
    const path = join(dir, 'aggregation.db')
    const generated = await generateResponses(path, 300, { variants: 3, seed: 1 })
    expect(generated.responses).toBe(300)
    expect(generated.valueRows).toBeGreaterThan(300 * 10)
    const result = measureAggregation(path, 1)
    expect(result.baselineRespondents).toBe(300)
    expect(result.releasedRespondents).toBe(300)
    expect(result.groups).toBe(10 * 23)
    for (const ms of [result.baselineMs, result.planMs, result.releaseMs, result.aggregatesMs]) {
      expect(ms).toBeGreaterThan(0)
    }
    expect(result.maxRssMb).toBeGreaterThan(0)
  }, 120_000)
})
