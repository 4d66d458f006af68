import type { ColumnType, Kysely } from 'kysely'
import type { Database as BaseDatabase, SurveysTable } from '../schema.js'

// TEMPORARY until db/schema.ts declares them (wiring step): the reports table and surveys.listed.
interface ReportsTable {
  id: string
  survey_id: number
  release_no: number
  options: string
}
type Database = Omit<BaseDatabase, 'surveys'> & {
  reports: ReportsTable
  surveys: SurveysTable & { listed: ColumnType<number, number | undefined, number> }
}
type AnyDb = Kysely<BaseDatabase> | Kysely<Database>
const widen = (db: AnyDb) => db as unknown as Kysely<Database>

export interface StoredReport {
  id: string
  surveyId: number
  slug: string
  releaseNo: number
  /** JSON of the admin's choices (server/reports/contract.ts reportOptionsSchema). */
  options: string
}

const reportColumns = [
  'reports.id as id',
  'reports.survey_id as surveyId',
  'surveys.slug as slug',
  'reports.release_no as releaseNo',
  'reports.options as options',
] as const

export async function findReport(db: AnyDb, id: string) {
  return widen(db)
    .selectFrom('reports')
    .innerJoin('surveys', 'surveys.id', 'reports.survey_id')
    .select(reportColumns)
    .where('reports.id', '=', id)
    .executeTakeFirst() as Promise<StoredReport | undefined>
}

export async function findReportOfRelease(db: AnyDb, surveyId: number, releaseNo: number) {
  return widen(db)
    .selectFrom('reports')
    .innerJoin('surveys', 'surveys.id', 'reports.survey_id')
    .select(reportColumns)
    .where('reports.survey_id', '=', surveyId)
    .where('reports.release_no', '=', releaseNo)
    .executeTakeFirst() as Promise<StoredReport | undefined>
}

/** Every published report, newest release of each survey first. */
export async function listReports(db: AnyDb, surveyId?: number) {
  let query = widen(db)
    .selectFrom('reports')
    .innerJoin('surveys', 'surveys.id', 'reports.survey_id')
    .select(reportColumns)
  if (surveyId !== undefined) query = query.where('reports.survey_id', '=', surveyId)
  return query.orderBy('surveys.slug').orderBy('reports.release_no', 'desc').execute() as Promise<
    StoredReport[]
  >
}

/** Publishes a release, or replaces the choices of its report (the id, and so the link, stays). */
export async function saveReport(
  db: Kysely<Database>,
  input: { id: string; surveyId: number; releaseNo: number; options: string },
): Promise<{ id: string; created: boolean }> {
  const existing = await findReportOfRelease(db, input.surveyId, input.releaseNo)
  if (existing) {
    await widen(db)
      .updateTable('reports')
      .set({ options: input.options })
      .where('id', '=', existing.id)
      .execute()
    return { id: existing.id, created: false }
  }
  await widen(db)
    .insertInto('reports')
    .values({
      id: input.id,
      survey_id: input.surveyId,
      release_no: input.releaseNo,
      options: input.options,
    })
    .execute()
  return { id: input.id, created: true }
}

/** Withdraws: the row goes, so the id answers exactly as one that never existed. */
export async function deleteReport(db: AnyDb, surveyId: number, releaseNo: number) {
  const result = await widen(db)
    .deleteFrom('reports')
    .where('survey_id', '=', surveyId)
    .where('release_no', '=', releaseNo)
    .executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

export async function setListed(db: AnyDb, surveyId: number, listed: boolean) {
  await widen(db)
    .updateTable('surveys')
    .set({ listed: listed ? 1 : 0 })
    .where('id', '=', surveyId)
    .execute()
}

/** Open, public-access surveys an admin chose to list on the front page. */
export async function listedOpenSurveys(db: AnyDb) {
  return widen(db)
    .selectFrom('surveys')
    .select(['slug'])
    .where('listed', '=', 1)
    .where('status', '=', 'open')
    .where('access', '=', 'public')
    .orderBy('slug')
    .execute()
}

export async function isListed(db: AnyDb, surveyId: number) {
  const row = await widen(db)
    .selectFrom('surveys')
    .select('listed')
    .where('id', '=', surveyId)
    .executeTakeFirst()
  return row?.listed === 1
}
