import type { Kysely } from 'kysely'
import { serializeOn } from '../dialect.js'
import { inTransaction } from '../transaction.js'
import type { Database, SurveyAccess, SurveyStatus } from '../schema.js'
import { dimensionsChange } from '../../server/domain/dimensions.js'

export interface PublishedVersion {
  surveyId: number
  slug: string
  status: SurveyStatus
  access: SurveyAccess
  versionId: number
  version: number
  title: string
  definition: string
}

/** A version without its definition: what a submission looks up on every request. */
export type VersionHead = Omit<PublishedVersion, 'definition'>

function latestVersionQuery(db: Kysely<Database>, slug: string) {
  return db
    .selectFrom('surveys')
    .innerJoin('survey_versions', 'survey_versions.survey_id', 'surveys.id')
    .select([
      'surveys.id as surveyId',
      'surveys.slug as slug',
      'surveys.status as status',
      'surveys.access as access',
      'survey_versions.id as versionId',
      'survey_versions.version as version',
      'survey_versions.title as title',
    ])
    .where('surveys.slug', '=', slug)
    .orderBy('survey_versions.version', 'desc')
    .limit(1)
}

/** The newest version of a survey, whatever its status (callers decide what status may be used). */
export async function findLatestVersion(
  db: Kysely<Database>,
  slug: string,
): Promise<PublishedVersion | undefined> {
  return latestVersionQuery(db, slug)
    .select('survey_versions.definition as definition')
    .executeTakeFirst()
}

export async function findOpenSurvey(db: Kysely<Database>, slug: string) {
  const latest = await findLatestVersion(db, slug)
  return latest?.status === 'open' ? latest : undefined
}

/**
 * findOpenSurvey without the definition (tens of kilobytes read and decoded per request): a
 * version never changes, so its definition is read once per version (findVersionDefinition).
 */
export async function findOpenSurveyHead(
  db: Kysely<Database>,
  slug: string,
): Promise<VersionHead | undefined> {
  const latest = await latestVersionQuery(db, slug).executeTakeFirst()
  return latest?.status === 'open' ? latest : undefined
}

export async function findVersionDefinition(db: Kysely<Database>, versionId: number) {
  const row = await db
    .selectFrom('survey_versions')
    .select('definition')
    .where('id', '=', versionId)
    .executeTakeFirstOrThrow()
  return row.definition
}

export interface SurveyVersionInput {
  slug: string
  title: string
  definition: string
  checksum: string
  source: string | null
  /** Status given to the survey only when it is created; an existing survey keeps its own. */
  initialStatus: SurveyStatus
  /** Create only: an existing slug is left as it is ('exists'), checked inside the transaction. */
  createOnly?: boolean
}

export type SaveOutcome = 'created' | 'new-version' | 'unchanged' | 'exists' | 'dimensions-changed'

/**
 * Idempotent: a definition identical to the latest version adds nothing. A survey past its draft
 * keeps its dimensions ('dimensions-changed', with the reason, adds nothing): its responses,
 * counts and releases are grouped by them. Checked here, under the lock, so no save can slip by.
 */
export async function saveSurveyVersion(
  db: Kysely<Database>,
  input: SurveyVersionInput,
): Promise<{ outcome: SaveOutcome; version: number; reason?: string }> {
  return inTransaction(db, async (trx) => {
    // Several instances load the bundled surveys at start: one at a time, so none sees a half-made one.
    await serializeOn(trx, 'survey-definitions')
    let survey = await trx
      .selectFrom('surveys')
      .select(['id', 'status'])
      .where('slug', '=', input.slug)
      .executeTakeFirst()
    const created = survey === undefined
    if (survey && input.createOnly) return { outcome: 'exists' as const, version: 0 }
    if (!survey) {
      survey = await trx
        .insertInto('surveys')
        .values({ slug: input.slug, status: input.initialStatus })
        .returning(['id', 'status'])
        .executeTakeFirstOrThrow()
    }
    const latest = await trx
      .selectFrom('survey_versions')
      .select(['version', 'checksum', 'definition'])
      .where('survey_id', '=', survey.id)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst()
    if (latest && latest.checksum === input.checksum) {
      return { outcome: 'unchanged' as const, version: latest.version }
    }
    if (latest && survey.status !== 'draft') {
      const reason = dimensionsChange(JSON.parse(latest.definition), JSON.parse(input.definition))
      if (reason) return { outcome: 'dimensions-changed' as const, version: latest.version, reason }
    }
    const version = (latest?.version ?? 0) + 1
    await trx
      .insertInto('survey_versions')
      .values({
        survey_id: survey.id,
        version,
        title: input.title,
        definition: input.definition,
        checksum: input.checksum,
        source: input.source,
      })
      .execute()
    return { outcome: created ? ('created' as const) : ('new-version' as const), version }
  })
}
