import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Kysely } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { createSqliteDb } from '../db/connection.js'
import { migrateToLatest } from '../db/migrate.js'
import type { Database } from '../db/schema.js'
import { createApp } from '../server/app.js'
import { loadSurveyFiles } from '../server/publishing/survey-files.js'
import { allCorrectBundledAnswers } from './fixtures.js'
import {
  BUNDLED_SLUG,
  BUNDLED_SURVEYS_DIR,
  CLIENT_DIR,
  createUser,
  postJson,
  signIn,
  TEST_PASSWORD_COST,
} from './helpers.js'
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from './test-database.js'

// The same submissions on SQLite and on PostgreSQL must give the same releases and figures: the
// aggregation SQL and the suppression planned from it may not depend on the engine.

/** Deterministic pseudo-random numbers (mulberry32), so both engines get identical bodies. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

// Skewed on purpose: a few large groups and many small ones, so suppression has work to do.
const SECTORS = ['primary_health_care', 'primary_health_care', 'social_services', 'occupational_health', 'emergency_ambulance']
const REGIONS = ['helsinki', 'helsinki', 'pirkanmaa', 'lappi', 'kainuu', 'varsinais_suomi']
const PROFESSIONS = ['nurse', 'nurse', 'physician', 'midwife', 'social_worker']
const TRUTH = ['true', 'false', 'dont_know']

function submissions(count: number) {
  const next = random(2026)
  const pick = <T>(values: T[]) => values[Math.floor(next() * values.length)]
  return Array.from({ length: count }, (_, i) => {
    const met = pick(['yes', 'no', 'not_sure'])
    return {
      locale: pick(['fi', 'sv', 'en']),
      answers: {
        ...allCorrectBundledAnswers,
        sector: pick(SECTORS),
        region: pick(REGIONS),
        profession: pick(PROFESSIONS),
        knowledge_border: pick(TRUTH),
        knowledge_debt: pick(TRUTH),
        knowledge_certainty: pick(TRUTH),
        met_possible_victim: met,
        ...(met === 'no' ? {} : { met_count: pick(['once', '2_5']), actions_taken: ['talked_alone'] }),
        confidence_identify: 1 + Math.floor(next() * 5),
        confidence_help: 1 + (i % 5),
      },
    }
  })
}

async function appOn(db: Kysely<Database>) {
  await migrateToLatest(db)
  await loadSurveyFiles(db, BUNDLED_SURVEYS_DIR)
  const app = createApp({
    db,
    config: { clientDir: CLIENT_DIR },
    clock: () => new Date('2026-11-25T12:00:00.000Z'),
    log: () => {},
    auth: { passwordCost: TEST_PASSWORD_COST },
    submissionRateLimit: { max: 100_000, windowMs: 60_000 },
  })
  await createUser(db, 'anna', 'admin', 'correct horse battery staple')
  const cookie = await signIn(app, 'anna', 'correct horse battery staple')
  return {
    submit: (body: unknown) => postJson(app, `/api/surveys/${BUNDLED_SLUG}/responses`, body),
    release: () => postJson(app, `/api/admin/surveys/${BUNDLED_SLUG}/releases`, {}, { Cookie: cookie }),
    read: async (path: string) => {
      const res = await app.request(`/api/admin/surveys/${BUNDLED_SLUG}${path}`, { headers: { Cookie: cookie } })
      return { status: res.status, body: await res.json() }
    },
  }
}

/** Group lists compared regardless of the order the engine returned them in. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(canonical).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1))
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, canonical(v)]))
  }
  return typeof value === 'number' ? Number(value.toPrecision(12)) : value
}

describe.skipIf(TEST_ENGINE !== 'postgres')('SQLite and PostgreSQL agree', () => {
  const dir = mkdtempSync(join(tmpdir(), 'survey-engines-'))
  let postgres: TestDatabase | undefined
  const sqlite = createSqliteDb(join(dir, 'survey.db'))
  afterAll(async () => {
    await sqlite.destroy()
    await postgres?.drop()
    rmSync(dir, { recursive: true, force: true })
  })

  it('on releases, aggregates and the timeline for the same submissions', async () => {
    postgres = await createTestDatabase(dir)
    const engines = [await appOn(sqlite), await appOn(postgres.db)]
    const bodies = submissions(140)
    for (const [i, body] of bodies.entries()) {
      for (const engine of engines) expect((await engine.submit(body)).status, `#${i}`).toBe(201)
      // Two releases, the second planned against the first.
      if (i === 89) for (const engine of engines) expect((await engine.release()).status).toBe(201)
    }
    const second = await Promise.all(engines.map((engine) => engine.release()))
    expect(second.map((res) => res.status)).toEqual([second[0].status, second[0].status])

    for (const path of [
      '/releases',
      '/aggregates?by=sector,region',
      '/aggregates?by=profession',
      '/aggregates?by=sector,profession&release=1',
      '/timeline',
    ]) {
      const [onSqlite, onPostgres] = await Promise.all(engines.map((engine) => engine.read(path)))
      expect(onSqlite.status, path).toBe(200)
      expect(canonical(onPostgres), path).toEqual(canonical(onSqlite))
    }
  }, 300_000)
})
