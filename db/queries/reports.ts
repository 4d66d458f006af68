import type { Kysely } from 'kysely'
import type { Database } from '../schema.js'

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

export async function findReport(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('reports')
    .innerJoin('surveys', 'surveys.id', 'reports.survey_id')
    .select(reportColumns)
    .where('reports.id', '=', id)
    .executeTakeFirst() as Promise<StoredReport | undefined>
}

export async function findReportOfRelease(db: Kysely<Database>, surveyId: number, releaseNo: number) {
  return db
    .selectFrom('reports')
    .innerJoin('surveys', 'surveys.id', 'reports.survey_id')
    .select(reportColumns)
    .where('reports.survey_id', '=', surveyId)
    .where('reports.release_no', '=', releaseNo)
    .executeTakeFirst() as Promise<StoredReport | undefined>
}

/** Every published report, newest release of each survey first. */
export async function listReports(db: Kysely<Database>, surveyId?: number) {
  let query = db
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
    await db
      .updateTable('reports')
      .set({ options: input.options })
      .where('id', '=', existing.id)
      .execute()
    return { id: existing.id, created: false }
  }
  await db
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
export async function deleteReport(db: Kysely<Database>, surveyId: number, releaseNo: number) {
  const result = await db
    .deleteFrom('reports')
    .where('survey_id', '=', surveyId)
    .where('release_no', '=', releaseNo)
    .executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

export async function setListed(db: Kysely<Database>, surveyId: number, listed: boolean) {
  await db
    .updateTable('surveys')
    .set({ listed: listed ? 1 : 0 })
    .where('id', '=', surveyId)
    .execute()
}

/** Open, public-access surveys an admin chose to list on the front page. */
export async function listedOpenSurveys(db: Kysely<Database>) {
  return db
    .selectFrom('surveys')
    .select(['slug'])
    .where('listed', '=', 1)
    .where('status', '=', 'open')
    .where('access', '=', 'public')
    .orderBy('slug')
    .execute()
}

export async function isListed(db: Kysely<Database>, surveyId: number) {
  const row = await db
    .selectFrom('surveys')
    .select('listed')
    .where('id', '=', surveyId)
    .executeTakeFirst()
  return row?.listed === 1
}
