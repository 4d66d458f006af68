import { sql, type Kysely } from 'kysely'

// Since decision 008's fifth step a response is stored with the number of the release it will
// be part of, so a release relabels only responses stored before that (release_no null). This
// partial index holds just those: a release finds them without reading every response, and a new
// response (never null) adds nothing to it. docs/decisions/008-submission-cost.md.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('responses_unreleased')
    .on('responses')
    .column('survey_version_id')
    .where(sql.ref('release_no'), 'is', null)
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('responses_unreleased').ifExists().execute()
}
