import type { Kysely } from 'kysely'
import type { Database, SurveyStatus } from '../schema.js'
import { saveSurveyVersion } from './surveys.js'

export interface SurveySummary {
  slug: string
  title: string
  status: SurveyStatus
  version: number
  responses: number
}

/** Every survey with its newest version and how many responses it has (all versions). */
export async function listSurveys(db: Kysely<Database>): Promise<SurveySummary[]> {
  const rows = await db
    .selectFrom('surveys')
    .innerJoin('survey_versions as v', 'v.survey_id', 'surveys.id')
    .where(({ eb, selectFrom }) =>
      eb(
        'v.version',
        '=',
        selectFrom('survey_versions as latest')
          .select(({ fn }) => fn.max('latest.version').as('version'))
          .whereRef('latest.survey_id', '=', 'surveys.id'),
      ),
    )
    .select((eb) => [
      'surveys.slug as slug',
      'v.title as title',
      'surveys.status as status',
      'v.version as version',
      eb
        .selectFrom('responses')
        .innerJoin('survey_versions as rv', 'rv.id', 'responses.survey_version_id')
        .whereRef('rv.survey_id', '=', 'surveys.id')
        .select(({ fn }) => fn.countAll<number>().as('n'))
        .as('responses'),
    ])
    .orderBy('surveys.slug')
    .execute()
  return rows.map((row) => ({ ...row, responses: Number(row.responses ?? 0) }))
}

export interface DefinitionInput {
  title: string
  definition: string
  checksum: string
}

/** Creates a draft; false when the slug is taken (a slug is never reused). */
export async function createDraft(db: Kysely<Database>, slug: string, input: DefinitionInput) {
  // Checked in the saving transaction: two admins (or instances) creating one slug get one 409.
  const draft = { slug, ...input, source: null, initialStatus: 'draft' as const, createOnly: true }
  const { outcome } = await saveSurveyVersion(db, draft)
  return outcome === 'created'
}

/**
 * A draft has no responses, so its only version is replaced in place; an open survey gets a new
 * immutable version and earlier responses stay with theirs.
 */
export async function replaceDraftDefinition(
  db: Kysely<Database>,
  surveyId: number,
  input: DefinitionInput,
) {
  await db
    .updateTable('survey_versions')
    .set({ title: input.title, definition: input.definition, checksum: input.checksum })
    .where('survey_id', '=', surveyId)
    .execute()
}

/** Moves a survey from one status to another; false if someone else changed it first. */
export async function changeStatus(
  db: Kysely<Database>,
  slug: string,
  from: SurveyStatus,
  to: SurveyStatus,
) {
  const result = await db
    .updateTable('surveys')
    .set({ status: to })
    .where('slug', '=', slug)
    .where('status', '=', from)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}
