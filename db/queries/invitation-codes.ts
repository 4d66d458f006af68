import type { Kysely, Transaction } from 'kysely'
import type { Database, SurveyAccess } from '../schema.js'

// 3 columns per row: well under SQLite's and PostgreSQL's bound-parameter limits.
const CODE_ROWS_PER_INSERT = 500

/** Stores new codes (their HMACs only) inside the caller's transaction, all unused. */
export async function insertCodes(trx: Transaction<Database>, surveyId: number, hmacs: string[]) {
  const rows = hmacs.map((code_hmac) => ({ survey_id: surveyId, code_hmac, used: 0 }))
  for (let start = 0; start < rows.length; start += CODE_ROWS_PER_INSERT) {
    await trx
      .insertInto('invitation_codes')
      .values(rows.slice(start, start + CODE_ROWS_PER_INSERT))
      .execute()
  }
}

export async function countCodes(db: Kysely<Database>, surveyId: number) {
  const row = await db
    .selectFrom('invitation_codes')
    .select((eb) => [
      eb.fn.countAll().as('total'),
      eb.fn.sum<number | string | null>('used').as('used'),
    ])
    .where('survey_id', '=', surveyId)
    .executeTakeFirstOrThrow()
  return { total: Number(row.total), used: Number(row.used ?? 0) }
}

export type CodeState = 'unused' | 'used' | 'unknown'

/** A code of another survey is 'unknown' too: callers must not tell the two apart. */
export async function codeState(
  db: Kysely<Database>,
  surveyId: number,
  hmac: string,
): Promise<CodeState> {
  const row = await db
    .selectFrom('invitation_codes')
    .select('used')
    .where('survey_id', '=', surveyId)
    .where('code_hmac', '=', hmac)
    .executeTakeFirst()
  if (!row) return 'unknown'
  return Number(row.used) === 1 ? 'used' : 'unused'
}

/**
 * Marks a code used only if it was unused, in one UPDATE (so two submissions racing for the same
 * code cannot both win, on either engine). Returns the state the code was in.
 */
export async function claimCode(
  trx: Transaction<Database>,
  surveyId: number,
  hmac: string,
): Promise<CodeState> {
  const result = await trx
    .updateTable('invitation_codes')
    .set({ used: 1 })
    .where('survey_id', '=', surveyId)
    .where('code_hmac', '=', hmac)
    .where('used', '=', 0)
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) === 1) return 'unused'
  return codeState(trx, surveyId, hmac)
}

/** Sets who may answer: everyone with the link, or only holders of a code. */
export async function setSurveyAccess(
  trx: Transaction<Database>,
  surveyId: number,
  access: SurveyAccess,
): Promise<void> {
  await trx.updateTable('surveys').set({ access }).where('id', '=', surveyId).execute()
}
