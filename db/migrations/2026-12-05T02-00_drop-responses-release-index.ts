import type { Kysely } from 'kysely'

// The (survey_version_id, release_no) index found a release's pending responses, but a release
// rewrites `release_no` on every one of them, so each claimed response also moved in this index
// (a delete and an insert): at 1,000,000 pending responses that was about as much work as the
// relabel itself, and its pages were written again at the commit and the checkpoint. Readers of
// `release_no` read a survey's responses by version anyway (responses_survey_version); finding
// the pending ones is a scan of the narrow rows (docs/decisions/008-submission-cost.md). On
// PostgreSQL an UPDATE of an unindexed column can also stay on its page (a HOT update).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('responses_version_release').ifExists().execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('responses_version_release')
    .on('responses')
    .columns(['survey_version_id', 'release_no'])
    .execute()
}
