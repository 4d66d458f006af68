import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Kysely } from 'kysely'
import { afterEach } from 'vitest'
import { migrateToLatest } from '../db/migrate.js'
import type { ResponseInput } from '../db/queries/responses.js'
import { findLatestVersion, saveSurveyVersion } from '../db/queries/surveys.js'
import { insertUser } from '../db/queries/users.js'
import type { Database, SurveyStatus, UserRole } from '../db/schema.js'
import { createApp, type AuthOptions } from '../server/app.js'
import { hashPassword } from '../server/accounts/password.js'
import { prepareResponse } from '../server/domain/prepare-response.js'
import { definitionChecksum, inspectDefinition } from '../server/domain/survey-definition.js'
import { loadSurveyFiles } from '../server/publishing/survey-files.js'
import { allCorrectBundledAnswers, miniSurvey } from './fixtures.js'
import { createTestDatabase } from './test-database.js'

export const REPO_ROOT = join(import.meta.dirname, '..')
export const BUNDLED_SURVEYS_DIR = join(REPO_ROOT, 'surveys')
export const CLIENT_DIR = join(REPO_ROOT, 'dist', 'client')
export const BUNDLED_SLUG = 'counter-trafficking'

export interface TestContext {
  db: Kysely<Database>
  app: ReturnType<typeof createApp>
  dir: string
  /** The SQLite file (only meaningful when TEST_ENGINE is 'sqlite'). */
  dbPath: string
  /** DATABASE_URL of this test's database, for child processes. */
  databaseUrl: string
  errors: string[]
}

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

/** A fresh, migrated SQLite file per test, with the bundled surveys loaded and the app built on it. */
export async function createTestContext(
  options: { loadBundled?: boolean; now?: Date } = {},
): Promise<TestContext> {
  const dir = mkdtempSync(join(tmpdir(), 'survey-test-'))
  const dbPath = join(dir, 'survey.db')
  const { db, url: databaseUrl, drop } = await createTestDatabase(dir)
  cleanups.push(async () => {
    await drop()
    rmSync(dir, { recursive: true, force: true })
  })
  await migrateToLatest(db)
  if (options.loadBundled !== false) await loadSurveyFiles(db, BUNDLED_SURVEYS_DIR)
  const errors: string[] = []
  const now = options.now ?? new Date('2026-11-25T14:37:21.123Z')
  const app = createApp({
    db,
    config: { clientDir: CLIENT_DIR },
    clock: () => now,
    log: (message) => errors.push(message),
    auth: { passwordCost: TEST_PASSWORD_COST },
    submissionRateLimit: { max: 100_000, windowMs: 60_000 }, // tests post many bodies
  })
  return { db, app, dir, dbPath, databaseUrl, errors }
}

/** Adds a survey directly through the db layer, for tests that need their own definition. */
export async function addSurvey(
  db: Kysely<Database>,
  slug: string,
  definition: Record<string, unknown>,
  status: SurveyStatus = 'open',
) {
  const saved = await saveSurveyVersion(db, {
    slug,
    title: inspectDefinition(definition).title || slug,
    definition: JSON.stringify(definition),
    checksum: definitionChecksum(definition),
    source: null,
    initialStatus: status,
  })
  return saved.version
}

export const postJson = (app: TestContext['app'], path: string, body: unknown, headers = {}) =>
  app.request(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })

export async function countRows(db: Kysely<Database>) {
  const count = async (table: keyof Database) =>
    Number(
      (await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow())
        .n,
    )
  return {
    responses: await count('responses'),
    values: await count('response_values'),
    quiz: await count('response_quiz_items'),
  }
}

/** scrypt N for tests: fast (a few ms); production uses 2^17. */
export const TEST_PASSWORD_COST = 2 ** 10

/** Adds an account directly through the db layer, with a fast password hash. */
export async function createUser(
  db: Kysely<Database>,
  username: string,
  role: UserRole,
  password: string,
) {
  return insertUser(db, {
    username,
    role,
    passwordHash: await hashPassword(password, TEST_PASSWORD_COST),
    createdAt: new Date('2026-11-20T09:00:00.000Z').toISOString(),
  })
}

/** Signs in through the API and returns the `Cookie` header value (`session=...`) to send. */
export async function signIn(app: TestContext['app'], username: string, password: string) {
  const res = await postJson(app, '/api/auth/login', { username, password })
  if (res.status !== 200) throw new Error(`sign-in failed with ${res.status}: ${await res.text()}`)
  const setCookie = res.headers.get('set-cookie') ?? ''
  const pair = setCookie.split(';')[0]
  if (!pair.startsWith('session=')) throw new Error(`no session cookie in "${setCookie}"`)
  return pair
}

/** A clock that tests move forward, e.g. past an idle or absolute session expiry. */
export function createTestClock(start = new Date('2026-11-25T14:37:21.123Z')) {
  let time = start.getTime()
  return {
    now: () => new Date(time),
    advance: (ms: number) => {
      time += ms
    },
  }
}

/**
 * Like createTestContext (no bundled surveys), with an app whose auth settings can be chosen,
 * fast password hashing and a movable clock.
 */
export async function createAuthTestContext(auth: AuthOptions = {}) {
  const ctx = await createTestContext({ loadBundled: false })
  const clock = createTestClock()
  const app = createApp({
    db: ctx.db,
    config: { clientDir: CLIENT_DIR },
    clock: clock.now,
    log: (message) => ctx.errors.push(message),
    auth: { passwordCost: TEST_PASSWORD_COST, ...auth },
  })
  return { ...ctx, app, clock }
}

/** Requests carrying a signed-in user's session cookie (JSON bodies, as the admin app sends). */
export function signedInClient(app: TestContext['app'], cookie: string) {
  return {
    get: (path: string) => app.request(path, { headers: { Cookie: cookie } }),
    post: (path: string, body?: unknown) => postJson(app, path, body ?? {}, { Cookie: cookie }),
    put: (path: string, body: unknown) =>
      app.request(path, {
        method: 'PUT',
        headers: { Cookie: cookie, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      }),
  }
}

/** A fresh context with the mini survey made invitation-only by an admin, and `count` codes. */
export async function inviteOnlyMini(count: number) {
  const ctx = await createTestContext({ loadBundled: false })
  await addSurvey(ctx.db, 'mini', miniSurvey)
  const password = 'correct horse battery staple'
  await createUser(ctx.db, 'anna', 'admin', password)
  const anna = signedInClient(ctx.app, await signIn(ctx.app, 'anna', password))
  await anna.put('/api/admin/surveys/mini/access', { access: 'invitation' })
  const csv = await (await anna.post('/api/admin/surveys/mini/invitation-codes', { count })).text()
  const codes = csv.trimEnd().split('\r\n').slice(1).map((line) => line.split(',')[0])
  return { ...ctx, codes }
}

/**
 * The bundled survey's latest version and a maker of responses to it, ready for the writer (all
 * quiz answers correct, a new random id each): for tests that store without HTTP.
 */
export async function bundledResponses(db: Kysely<Database>) {
  const survey = (await findLatestVersion(db, BUNDLED_SLUG))!
  const definition = JSON.parse(survey.definition) as Record<string, unknown>
  const prepared = prepareResponse({ definition, locales: [] }, { answers: allCorrectBundledAnswers })
  if (!prepared.ok) throw new Error(JSON.stringify(prepared.details))
  const input = (): ResponseInput => ({
    ...prepared.response,
    id: randomBytes(16).toString('hex'),
    surveyId: survey.surveyId,
    surveyVersionId: survey.versionId,
    dimensions: ['sector', 'region', 'profession'],
    submittedOn: '2026-11-25',
  })
  return { survey, input }
}
