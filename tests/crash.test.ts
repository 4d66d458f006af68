import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { codeHmac, normalizeCode } from '../server/domain/invitation-code.js'
import { allCorrectBundledAnswers } from './fixtures.js'
import {
  buildApp,
  exited,
  REPO_ROOT,
  startServerAt,
  SURVEY_SLUG,
  type RunningServer,
} from './server-process.js'

// Kills the real server with SIGKILL mid-traffic, again and again, on one database file: every
// acknowledged response must survive, and nothing may be stored half-written.
const CYCLES = Number(process.env.CRASH_CYCLES ?? 10)
const SUBMITTERS = 8
// Of those, how many answer a copy of the survey that is by invitation only, each with a fresh
// code: a code must be used exactly when its response is stored.
const INVITED_SUBMITTERS = 3
const INVITED_SLUG = 'crash-invited'
const CODES = 2_000 // plenty for 10 cycles; invited submitters stop if they run out
const ADMIN_PASSWORD = 'crash test admin password'
const REGIONS = ['pohjois_karjala', 'keski_uusimaa', 'pirkanmaa', 'lappi']
// One row each (item '') for every response: a partial write would lack some.
const DIMENSIONS = ['sector', 'region', 'profession']

interface Tally {
  acknowledged: string[]
  /** Connection errors: the outcome is unknown, so either stored whole or not at all. */
  unknown: string[]
  rejected: string[]
  /** The invitation code each invited submission spent (by marker). */
  codeOf: Map<string, string>
}

function answersFor(marker: string, n: number) {
  return {
    ...allCorrectBundledAnswers,
    region: REGIONS[n % REGIONS.length],
    confidence_identify: (n % 5) + 1,
    comment: marker,
  }
}

/** Public submitters pass no codes; invited ones take a new code for every submission. */
async function submitUntilDead(
  server: RunningServer,
  prefix: string,
  tally: Tally,
  codes?: string[],
) {
  const slug = codes ? INVITED_SLUG : SURVEY_SLUG
  const url = `${server.baseUrl}/api/surveys/${slug}/responses`
  for (let n = 0; ; n++) {
    const marker = `${prefix}-n${n}`
    const code = codes?.pop()
    if (codes && !code) return
    if (code) tally.codeOf.set(marker, code)
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ answers: answersFor(marker, n), locale: 'en', code }),
      })
      const body = await res.text()
      if (res.status === 201) tally.acknowledged.push(marker)
      else tally.rejected.push(`${marker}: ${res.status} ${body}`)
    } catch {
      tally.unknown.push(marker)
      return // the server is gone
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Through the admin API: a copy of the bundled survey, invitation only, and its codes. */
async function createInvitedSurvey(server: RunningServer): Promise<string[]> {
  const post = (path: string, body: unknown, cookie = '', method = 'POST') =>
    fetch(`${server.baseUrl}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', Cookie: cookie },
      body: JSON.stringify(body),
    })
  const login = await post('/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD })
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]
  const definition = JSON.parse(
    readFileSync(join(REPO_ROOT, 'surveys', `${SURVEY_SLUG}.json`), 'utf8'),
  )
  const admin = '/api/admin/surveys'
  const steps = [
    await post(admin, { slug: INVITED_SLUG, definition }, cookie),
    await post(`${admin}/${INVITED_SLUG}/publish`, {}, cookie),
    await post(`${admin}/${INVITED_SLUG}/access`, { access: 'invitation' }, cookie, 'PUT'),
    await post(`${admin}/${INVITED_SLUG}/invitation-codes`, { count: CODES }, cookie),
  ]
  const csv = await steps[3].text()
  expect([login, ...steps].map((res) => res.status)).toEqual([200, 201, 200, 200, 201])
  return csv.trimEnd().split('\r\n').slice(1)
}

describe('crash safety (SIGKILL under concurrent submissions)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'survey-crash-test-'))
  const databasePath = join(dataDir, 'survey.db')

  beforeAll(() => buildApp(), 120_000)
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

  it(`keeps every acknowledged response and no partial one over ${CYCLES} kills`, async () => {
    const started = Date.now()
    const tally: Tally = { acknowledged: [], unknown: [], rejected: [], codeOf: new Map() }
    let codes: string[] = []
    let unsent: string[] = []
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      const server = await startServerAt(databasePath, { ADMIN_PASSWORD })
      try {
        if (cycle === 0) {
          codes = await createInvitedSurvey(server)
          unsent = [...codes]
        }
        const submitters = Array.from({ length: SUBMITTERS }, (_, w) =>
          submitUntilDead(
            server,
            `crash-c${cycle}-w${w}`,
            tally,
            w < INVITED_SUBMITTERS ? unsent : undefined,
          ),
        )
        // The first answers of a fresh process are slow (warm-up): kill 100-600 ms into the
        // steady stream, so each cycle has acknowledged responses and requests in flight.
        // Both kinds, so every cycle has acknowledged invited responses too (while codes last).
        const invitedAcks = () => tally.acknowledged.filter((m) => tally.codeOf.has(m)).length
        const before = [tally.acknowledged.length - invitedAcks(), invitedAcks()]
        const deadline = Date.now() + 15_000
        const waiting = () =>
          tally.acknowledged.length - invitedAcks() === before[0] ||
          (invitedAcks() === before[1] && unsent.length > 0)
        while (waiting() && Date.now() < deadline) await sleep(10)
        await sleep(100 + Math.random() * 500)
        server.child.kill('SIGKILL')
        await exited(server.child)
        await Promise.all(submitters)
      } catch (error) {
        throw new Error(`cycle ${cycle}: ${String(error)}\n${server.output()}`)
      } finally {
        await server.stop()
      }
    }

    const db = new Database(databasePath, { readonly: true })
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
      const rows = db
        .prepare('select id, answers from responses join response_answers on response_id = id')
        .all() as {
        id: string
        answers: string
      }[]
      const storedByMarker = new Map(
        rows.map((row) => [JSON.parse(row.answers).comment as string, row.id]),
      )
      const lost = tally.acknowledged.filter((marker) => !storedByMarker.has(marker))
      const unknownStored = tally.unknown.filter((marker) => storedByMarker.has(marker)).length

      // Every stored response is whole: its dimension rows and as many quiz items as the others.
      const placeholders = DIMENSIONS.map(() => '?').join(', ')
      const dimensionRows = db.prepare(
        `select count(*) as n from response_values
          where response_id = ? and item = '' and question in (${placeholders})`,
      )
      const valueCount = db.prepare(
        'select count(*) as n from response_values where response_id = ?',
      )
      const quizCount = db.prepare(
        'select count(*) as n from response_quiz_items where response_id = ?',
      )
      const shapes = new Set<string>()
      const partial: string[] = []
      for (const { id } of rows) {
        const dims = (dimensionRows.get(id, ...DIMENSIONS) as { n: number }).n
        if (dims !== DIMENSIONS.length) partial.push(id)
        const values = (valueCount.get(id) as { n: number }).n
        const quiz = (quizCount.get(id) as { n: number }).n
        shapes.add(`${values}/${quiz}`)
      }
      const orphans = db
        .prepare(
          `select count(*) as n from (
             select response_id from response_values
             union select response_id from response_quiz_items
           ) where response_id not in (select id from responses)`,
        )
        .get() as { n: number }

      // Invitation codes: used exactly when the response they were sent with is stored.
      const secret = db
        .prepare("select value from server_secrets where name = 'invitation-code-hmac'")
        .get() as { value: string }
      const hmacOf = (code: string) =>
        codeHmac(Buffer.from(secret.value, 'base64url'), normalizeCode(code)!)
      const usedHmacs = new Set(
        (db.prepare('select code_hmac from invitation_codes where used = 1').all() as {
          code_hmac: string
        }[]).map((row) => row.code_hmac),
      )
      const invitedStored = db
        .prepare(
          `select count(*) as n from responses r
             join survey_versions v on v.id = r.survey_version_id
             join surveys s on s.id = v.survey_id
            where s.slug = ?`,
        )
        .get(INVITED_SLUG) as { n: number }
      const mismatched = [...tally.codeOf].filter(
        ([marker, code]) => storedByMarker.has(marker) !== usedHmacs.has(hmacOf(code)),
      )
      const acknowledgedInvited = tally.acknowledged.filter((m) => tally.codeOf.has(m)).length

      console.info(
        `crash test: ${CYCLES} cycles, ${tally.acknowledged.length} acknowledged ` +
          `(${acknowledgedInvited} with an invitation code), ` +
          `${rows.length} stored (${unknownStored} of ${tally.unknown.length} interrupted), ` +
          `${lost.length} lost, ${usedHmacs.size} codes used, ` +
          `${Math.round((Date.now() - started) / 1000)} s`,
      )
      expect(tally.rejected).toEqual([])
      expect(tally.acknowledged.length).toBeGreaterThanOrEqual(CYCLES)
      expect(lost).toEqual([])
      expect(rows.length).toBe(tally.acknowledged.length + unknownStored)
      expect(partial).toEqual([])
      // Same answers (up to region and confidence), so the same number of value and quiz rows.
      expect([...shapes]).toHaveLength(1)
      expect(orphans.n).toBe(0)
      expect(codes).toHaveLength(CODES)
      expect(acknowledgedInvited).toBeGreaterThanOrEqual(CYCLES)
      expect(mismatched).toEqual([])
      expect(usedHmacs.size).toBe(invitedStored.n)
    } finally {
      db.close()
    }
  }, Math.max(90_000, CYCLES * 8_000))
})
