import { randomBytes } from 'node:crypto'
import { dirname } from 'node:path'
import SQLite from 'better-sqlite3'
import { sql } from 'kysely'
import { createSqliteDb } from '../../db/connection.js'
import { migrateToLatest } from '../../db/migrate.js'
import { rebuildResponseCounts } from '../../db/queries/response-counts.js'
import { findOpenSurvey } from '../../db/queries/surveys.js'
import { prepareResponse } from '../../server/domain/prepare-response.js'
import { inspectDefinition } from '../../server/domain/survey-definition.js'
import { loadSurveyFiles } from '../../server/publishing/survey-files.js'
import { answerGenerator, bundledDefinition, SURVEY_FILE, SURVEY_SLUG } from './answers.js'

// In the bundled survey's order, which is how the server keeps its counts.
const DIMENSIONS = new Set(['sector', 'region', 'profession'])
const RESPONSES_PER_TRANSACTION = 10_000
const DAYS = Array.from({ length: 90 }, (_, i) =>
  new Date(Date.UTC(2026, 8, 1) + i * 86_400_000).toISOString().slice(0, 10),
)

export interface Generated {
  responses: number
  valueRows: number
  seconds: number
  /** CPU seconds of the generating process: comparable across runs on a busy machine. */
  cpuSeconds: number
  /**
   * Building the running counts of every response in one pass (what the migration does for an
   * existing database); the server adds each response's counts as it stores it.
   */
  countsSeconds: number
}

/** A migrated database with the bundled survey loaded, as the server would leave it. */
export async function createSurveyDatabase(path: string): Promise<number> {
  const db = createSqliteDb(path)
  try {
    await migrateToLatest(db)
    await loadSurveyFiles(db, dirname(SURVEY_FILE))
    const survey = await findOpenSurvey(db, SURVEY_SLUG)
    if (!survey) throw new Error('the bundled survey did not load')
    return survey.versionId
  } finally {
    await db.destroy()
  }
}

/**
 * `variants` answer sets validated, flattened and scored by the domain code (prepareResponse),
 * so every generated row is one the server would have stored; each synthetic response is one
 * of them with freshly drawn sector, profession and region.
 */
function preparedVariants(variants: number, seed: number) {
  const definition = bundledDefinition()
  const version = { definition, locales: inspectDefinition(definition).locales }
  const generator = answerGenerator(definition, seed)
  return {
    generator,
    variants: Array.from({ length: variants }, () => {
      const prepared = prepareResponse(version, { answers: generator.answers(), locale: 'fi' })
      if (!prepared.ok) throw new Error(`generated answers refused: ${JSON.stringify(prepared)}`)
      const { answers, values, knowledgeScore, quizItems } = prepared.response
      return {
        answers,
        values: values.filter((v) => !DIMENSIONS.has(v.question)),
        knowledgeScore,
        quizItems,
      }
    }),
  }
}

/**
 * Bulk insert straight through better-sqlite3 prepared statements, many responses per
 * transaction. Ids are random as in production but inserted in sorted order, so the B-trees
 * grow at their right edge (generation speed only; the server inserts in arrival order).
 */
export async function generateResponses(
  path: string,
  count: number,
  options: { variants: number; seed: number },
): Promise<Generated> {
  const versionId = await createSurveyDatabase(path)
  const started = performance.now()
  const cpuBefore = process.cpuUsage()
  const { generator, variants } = preparedVariants(options.variants, options.seed)
  const ids = Array.from({ length: count }, () => randomBytes(16).toString('hex')).sort()
  const sqlite = new SQLite(path)
  sqlite.pragma('journal_mode = wal')
  // Generated test data only: durability during generation does not matter.
  sqlite.pragma('synchronous = off')
  sqlite.pragma('cache_size = -1000000')
  // Secondary indexes are dropped for the load and rebuilt from their own SQL afterwards: one
  // sort instead of millions of B-tree updates, and the same schema in the end.
  const indexes = sqlite
    .prepare(
      `select name, sql from sqlite_master where type = 'index' and sql is not null
       and tbl_name in ('responses', 'response_values', 'response_quiz_items')`,
    )
    .all() as { name: string; sql: string }[]
  for (const index of indexes) sqlite.exec(`drop index ${index.name}`)
  // The variants' rows go into temp tables once; each batch of responses is then written by
  // INSERT ... SELECT statements, so SQLite copies rows without a JavaScript call per row.
  sqlite.exec(`
    create temp table variant_values (variant integer, question text, item text, value text,
      number real);
    create temp table variant_quiz (variant integer, question text, correct integer);
    create temp table batch (id text primary key, variant integer, sector text, profession text,
      region text, day text, locale text, answers text, score real) without rowid;`)
  const addValue = sqlite.prepare('insert into variant_values values (?, ?, ?, ?, ?)')
  const addQuiz = sqlite.prepare('insert into variant_quiz values (?, ?, ?)')
  variants.forEach((variant, i) => {
    for (const v of variant.values) addValue.run(i, v.question, v.item, v.value, v.number)
    for (const q of variant.quizItems) addQuiz.run(i, q.question, q.correct ? 1 : 0)
  })
  const addToBatch = sqlite.prepare('insert into batch values (?, ?, ?, ?, ?, ?, ?, ?, ?)')
  const copyResponses = sqlite.prepare(
    // Pending for release 1, as the server stores a response before the survey's first release.
    `insert into responses (id, survey_version_id, locale, submitted_on, knowledge_score, release_no)
     select id, ?, locale, day, score, 1 from batch order by id`,
  )
  const copyAnswers = sqlite.prepare(
    `insert into response_answers (response_id, answers) select id, answers from batch order by id`,
  )
  const copyValues = sqlite.prepare(
    `insert into response_values (response_id, question, item, value, number)
     select id, question, item, value, number from (
       select b.id, v.question, v.item, v.value, v.number from batch b
       join variant_values v on v.variant = b.variant
       union all select id, 'sector', '', sector, null from batch
       union all select id, 'profession', '', profession, null from batch
       union all select id, 'region', '', region, null from batch)
     order by id, question, item`,
  )
  const copyQuiz = sqlite.prepare(
    `insert into response_quiz_items (response_id, question, correct)
     select b.id, q.question, q.correct from batch b join variant_quiz q on q.variant = b.variant
     order by b.id, q.question`,
  )
  const locales = ['fi', 'fi', 'fi', 'sv', 'en']
  let valueRows = 0
  const insertBatch = sqlite.transaction((from: number, to: number) => {
    sqlite.exec('delete from batch')
    for (let i = from; i < to; i++) {
      const index = Math.floor(generator.random() * variants.length)
      const variant = variants[index]
      const dimensions = generator.dimensions()
      const answers = JSON.stringify({ ...variant.answers, ...dimensions })
      const day = DAYS[Math.floor(generator.random() * DAYS.length)]
      const locale = locales[Math.floor(generator.random() * locales.length)]
      const { sector, profession, region } = dimensions
      const score = variant.knowledgeScore
      addToBatch.run(ids[i], index, sector, profession, region, day, locale, answers, score)
      valueRows += 3 + variant.values.length
    }
    copyResponses.run(versionId)
    copyAnswers.run()
    copyValues.run()
    copyQuiz.run()
  })
  for (let from = 0; from < count; from += RESPONSES_PER_TRANSACTION) {
    insertBatch(from, Math.min(count, from + RESPONSES_PER_TRANSACTION))
  }
  for (const index of indexes) sqlite.exec(index.sql)
  sqlite.close()
  const cpu = process.cpuUsage(cpuBefore)
  const seconds = (performance.now() - started) / 1000
  const countsSeconds = await buildCounts(path, versionId)
  return {
    responses: count,
    valueRows,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    countsSeconds,
  }
}

async function buildCounts(path: string, versionId: number): Promise<number> {
  const db = createSqliteDb(path)
  try {
    const started = performance.now()
    await db.transaction().execute((trx) =>
      rebuildResponseCounts(trx, { versionId, dimensions: [...DIMENSIONS] }),
    )
    const seconds = (performance.now() - started) / 1000
    await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db)
    return seconds
  } finally {
    await db.destroy()
  }
}
