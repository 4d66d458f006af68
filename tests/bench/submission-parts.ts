import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createResponseWriter } from '../../db/queries/response-writer.js'
import { insertResponse, type ResponseInput } from '../../db/queries/responses.js'
import { findOpenSurvey } from '../../db/queries/surveys.js'
import { sql } from 'kysely'
import { createSqliteDb, openSqlite } from '../../db/connection.js'
import { prepareResponse } from '../../server/domain/prepare-response.js'
import { validateAnswers } from '../../server/domain/validate-answers.js'
import { bundledDefinition, SURVEY_SLUG } from './answers.js'
import { createSurveyDatabase } from './generate.js'

/** Milliseconds per response of each step of a submission, measured in this process. */
export interface SubmissionParts {
  validateSurveyCore: number
  validateCompiled: number
  prepare: number
  storeAlone: number
  storeGrouped: number
  /** Group commits of LARGE_GROUP: what a batch costs when many submissions arrive at once. */
  storeGroupedLarge: number
  /** Bytes the process wrote (write calls: log, checkpoint into the file) per response, groups of GROUP_SIZE. */
  bytesPerResponse: number
  /** One write transaction of one tiny row: the commit's fsync plus the WAL checkpoint after it. */
  emptyCommit: number
  /** The same without the checkpoint (a plain connection, same pragmas): the commit's fsync alone. */
  emptyCommitNoCheckpoint: number
}

export const GROUP_SIZE = 10
export const LARGE_GROUP = 100

async function perItem<T>(items: T[], work: (item: T) => unknown | Promise<unknown>) {
  for (const item of items.slice(0, 3)) await work(item) // warm-up: JIT and caches
  const started = performance.now()
  for (const item of items) await work(item)
  return (performance.now() - started) / items.length
}

/** Bytes this process has passed to write calls so far (Linux; 0 elsewhere). */
function bytesWritten(): number {
  try {
    return Number(/wchar:\s+(\d+)/.exec(readFileSync('/proc/self/io', 'utf8'))?.[1] ?? 0)
  } catch {
    return 0
  }
}

/** Milliseconds per tiny write transaction on a connection without the WAL checkpoint. */
function commitWithoutCheckpoint(path: string, count: number) {
  const sqlite = openSqlite(path)
  try {
    const insert = sqlite.prepare('insert into bench_scratch values (?)')
    const write = sqlite.transaction((i: number) => insert.run(String(i)))
    for (let i = 0; i < 3; i++) write(i)
    const started = performance.now()
    for (let i = 0; i < count; i++) write(i)
    return (performance.now() - started) / count
  } finally {
    sqlite.close()
  }
}

/**
 * Where a submission's time goes: validation on a survey-core model (the old path) against the
 * compiled validator, the whole preparation (validation, flattening, scoring), and storing on
 * SQLite with synchronous=FULL, one transaction per response against the group commit.
 */
export async function measureSubmissionParts(
  dir: string,
  bodies: string[],
  count: number,
): Promise<SubmissionParts> {
  const definition = bundledDefinition()
  const answers = bodies.map((body) => (JSON.parse(body) as { answers: object }).answers)
  const many = Array.from({ length: count }, (_, i) => answers[i % answers.length])
  // The model path costs tens of milliseconds each: a tenth of the answers is enough.
  const few = many.slice(0, Math.max(5, Math.floor(count / 10)))
  const version = { definition, locales: [] }
  const prepareOne = (a: object) =>
    prepareResponse(version, { answers: a as Record<string, unknown> })
  // Whole passes of both before either is timed, or the first figure is the JIT's and the
  // collector's (this process has just driven the load runs).
  for (let pass = 0; pass < 5; pass++) {
    for (const a of many) {
      validateAnswers(definition, a)
      prepareOne(a)
    }
  }
  const validateCompiled = await perItem(many, (a) => validateAnswers(definition, a))
  const prepared = many.map((a) => {
    const result = prepareOne(a)
    if (!result.ok) throw new Error(`bench answers refused: ${JSON.stringify(result.details)}`)
    return result.response
  })
  const prepare = await perItem(many, prepareOne)
  // Last: the garbage its models leave would otherwise be collected in the figures above.
  const validateSurveyCore = await perItem(few, (a) =>
    validateAnswers(definition, a, { engine: 'survey-core' }),
  )

  const path = join(dir, 'submission-parts.db')
  await createSurveyDatabase(path)
  const db = createSqliteDb(path)
  try {
    const survey = (await findOpenSurvey(db, SURVEY_SLUG))!
    const input = (i: number): ResponseInput => ({
      ...prepared[i % prepared.length],
      id: randomBytes(16).toString('hex'),
      surveyId: survey.surveyId,
      surveyVersionId: survey.versionId,
      dimensions: ['sector', 'region', 'profession'],
      submittedOn: '2026-12-01',
    })
    const indexes = Array.from({ length: count }, (_, i) => i)
    const storeAlone = await perItem(indexes, (i) => insertResponse(db, input(i)))
    const writer = createResponseWriter(db)
    const groups = Array.from({ length: Math.ceil(count / GROUP_SIZE) }, (_, g) => g)
    const storeGroup = (g: number) =>
      Promise.all(Array.from({ length: GROUP_SIZE }, (_, i) => writer.write(input(g * GROUP_SIZE + i))))
    const writtenBefore = bytesWritten()
    const storeGrouped = (await perItem(groups, storeGroup)) / GROUP_SIZE
    // perItem stores 3 warm-up groups more than it times.
    const bytesPerResponse = (bytesWritten() - writtenBefore) / ((groups.length + 3) * GROUP_SIZE)
    const large = Array.from({ length: Math.max(4, Math.ceil(count / LARGE_GROUP)) }, (_, g) => g)
    const storeLarge = (g: number) =>
      Promise.all(
        Array.from({ length: LARGE_GROUP }, (_, i) => writer.write(input(g * LARGE_GROUP + i))),
      )
    const storeGroupedLarge = (await perItem(large, storeLarge)) / LARGE_GROUP
    await sql`create table bench_scratch (x text)`.execute(db)
    const tiny = (i: number) =>
      db.transaction().execute((trx) => sql`insert into bench_scratch values (${String(i)})`.execute(trx))
    const emptyCommit = await perItem(indexes.slice(0, 50), tiny)
    const emptyCommitNoCheckpoint = commitWithoutCheckpoint(path, 50)
    return {
      validateSurveyCore,
      validateCompiled,
      prepare,
      storeAlone,
      storeGrouped,
      storeGroupedLarge,
      bytesPerResponse,
      emptyCommit,
      emptyCommitNoCheckpoint,
    }
  } finally {
    await db.destroy()
  }
}
