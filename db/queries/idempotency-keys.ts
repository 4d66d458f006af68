import type { Kysely, Transaction } from 'kysely'
import { tryLockOn } from '../dialect.js'
import type { Database } from '../schema.js'
import { executeCachedInsert } from './cached-insert.js'

/** How a submission's idempotency key is kept: see server/domain/idempotency.ts. */
export interface IdempotencyRecord {
  keyHash: string
  fingerprint: string
}

export type KeyState = 'new' | 'repeat' | 'reused'

/** What a stored key says about a request: none, the same request again, or another one. */
export async function keyState(
  db: Kysely<Database>,
  surveyId: number,
  record: IdempotencyRecord,
): Promise<KeyState> {
  const row = await db
    .selectFrom('idempotency_keys')
    .select(['survey_id', 'request_digest'])
    .where('key_hash', '=', record.keyHash)
    .executeTakeFirst()
  if (!row) return 'new'
  const same = Number(row.survey_id) === surveyId && row.request_digest === record.fingerprint
  return same ? 'repeat' : 'reused'
}

/**
 * Records the key in the transaction that stores the response. On PostgreSQL a concurrent
 * insert of the same key waits for the other transaction, so of two racing requests one stores
 * and the other sees 'repeat' (or 'reused') once the first has committed.
 */
export async function claimKey(
  trx: Transaction<Database>,
  surveyId: number,
  record: IdempotencyRecord,
  day: string,
): Promise<KeyState> {
  const row = {
    key_hash: record.keyHash,
    survey_id: surveyId,
    request_digest: record.fingerprint,
    day,
  }
  const insert = (rows: readonly (typeof row)[]) =>
    trx
      .insertInto('idempotency_keys')
      .values(rows)
      .onConflict((oc) => oc.column('key_hash').doNothing())
  const name = 'idempotency_keys claim'
  const result = await executeCachedInsert(trx, name, KEY_COLUMNS, [row], insert)
  if (Number(result.numAffectedRows ?? 0) === 1) return 'new'
  const state = await keyState(trx, surveyId, record)
  // Deleted between the insert and the read (a sweep): the request was stored before.
  return state === 'new' ? 'repeat' : state
}

const KEY_COLUMNS = ['key_hash', 'survey_id', 'request_digest', 'day'] as const

export async function releaseKey(trx: Transaction<Database>, keyHash: string): Promise<void> {
  await trx.deleteFrom('idempotency_keys').where('key_hash', '=', keyHash).execute()
}

/** A release ends the keys of its survey (call in the release transaction). */
export async function deleteSurveyKeys(trx: Transaction<Database>, surveyId: number) {
  await trx.deleteFrom('idempotency_keys').where('survey_id', '=', surveyId).execute()
}

/**
 * Deletes the keys of days before `today`, so none lives past the end of its UTC day. On
 * PostgreSQL only one instance sweeps at a time (a try-lock: the others skip), so two sweeps
 * never lock the same rows in different orders.
 */
export async function sweepKeys(db: Kysely<Database>, today: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (!(await tryLockOn(trx, 'key-sweep'))) return
    await trx.deleteFrom('idempotency_keys').where('day', '<', today).execute()
  })
}
