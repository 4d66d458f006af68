import type { Kysely } from 'kysely'

// The (question, value, response_id) index on response_values served "respondents per value"
// lookups made before the running counts existed; every reader now reaches answer rows by
// response id (the primary key) or reads response_counts. Each response's answers fell on as
// many index pages as it has answers, and with synchronous=FULL and the WAL checkpoint after
// every commit each such page was written twice: about 80 % of what a submission wrote to disk.
// See docs/decisions/008-submission-cost.md.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('response_values_question_value').ifExists().execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('response_values_question_value')
    .on('response_values')
    .columns(['question', 'value', 'response_id'])
    .execute()
}
