import type { Kysely, Transaction } from 'kysely'
import { dialectOf, hideArrivalOrder, serializeOn } from '../dialect.js'
import { storeReleaseTables } from './release-tables.js'
import { deleteSurveyKeys } from './idempotency-keys.js'
import { claimResponseCounts } from './response-counts.js'
import { pendingRelease } from './responses.js'
import type { Database, ReleaseKind } from '../schema.js'
import { inTransaction } from '../transaction.js'

export interface StoredRelease {
  number: number
  kind: ReleaseKind
  createdOn: string
  publication: string
}

export async function listReleases(db: Kysely<Database>, surveyId: number): Promise<StoredRelease[]> {
  const rows = await db
    .selectFrom('releases')
    .select(['number', 'kind', 'created_on as createdOn', 'publication'])
    .where('survey_id', '=', surveyId)
    .orderBy('number')
    .execute()
  return rows
}

export class ReleaseRefused extends Error {
  constructor(readonly reasons: string[]) {
    super('release refused')
  }
}

/**
 * Claims every response not yet released for release N (those stored since the last release
 * already carry N), then lets `plan` build the publication from exactly those rows, inside one
 * transaction: a response arriving meanwhile is either in the counts or waits for the next one.
 * `plan` throws ReleaseRefused to undo everything.
 * Runs in `db` when it is a transaction, so the caller can record the release in the same one.
 */
export async function createRelease(
  db: Kysely<Database>,
  input: { surveyId: number; kind: ReleaseKind; createdOn: string },
  plan: (trx: Transaction<Database>, releaseNo: number) => Promise<string>,
): Promise<number> {
  const releaseNo = await inTransaction(db, async (trx) => {
    await serializeOn(trx, 'releases', input.surveyId)
    // Waits for submissions in flight and holds new ones back, so the responses claimed below
    // and the counts relabelled with them are the same set (see insertResponse).
    await serializeOn(trx, 'responses', input.surveyId)
    const releaseNo = await pendingRelease(trx, input.surveyId)
    // Responses stored since decision 008's fifth step already carry this number (see
    // pendingReleases): on SQLite only rows from before it (null) are labelled, found through
    // the partial index `responses_unreleased`. PostgreSQL writes every claimed row again, so
    // none keeps the transaction id (xmin) of the submission that stored it.
    const postgres = dialectOf(trx) === 'postgres'
    await trx
      .updateTable('responses')
      .set({ release_no: releaseNo })
      .where((eb) =>
        postgres
          ? eb.or([eb('release_no', 'is', null), eb('release_no', '=', releaseNo)])
          : eb('release_no', 'is', null),
      )
      .where('survey_version_id', 'in', (eb) =>
        eb
          .selectFrom('survey_versions')
          .select('survey_versions.id')
          .where('survey_versions.survey_id', '=', input.surveyId),
      )
      .execute()
    await claimResponseCounts(trx, input.surveyId, releaseNo)
    await storeReleaseTables(trx, input.surveyId, releaseNo)
    // Re-stamp the survey's invitation codes in this transaction: on PostgreSQL a used code's row
    // would otherwise keep the transaction id (xmin) and heap position of the submission it
    // unlocked, which the response's row shares until this release re-stamps it too.
    await trx
      .updateTable('invitation_codes')
      .set((eb) => ({ used: eb.ref('used') }))
      .where('survey_id', '=', input.surveyId)
      .execute()
    // A resend after this release could store a response twice; keys live no longer than this.
    await deleteSurveyKeys(trx, input.surveyId)
    const publication = await plan(trx, releaseNo)
    await trx
      .insertInto('releases')
      .values({
        survey_id: input.surveyId,
        number: releaseNo,
        kind: input.kind,
        created_on: input.createdOn,
        publication,
      })
      .execute()
    return releaseNo
  })
  await hideArrivalOrder(db)
  return releaseNo
}
