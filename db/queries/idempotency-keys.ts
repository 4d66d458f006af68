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

export interface KeyClaim {
  surveyId: number
  record: IdempotencyRecord
  day: string
}

/**
 * Records the keys of a batch, in one statement, in the transaction that stores the responses;
 * each claim's state, in order. On PostgreSQL a concurrent insert of the same key waits for the
 * other transaction, so of two racing requests one stores and the other sees 'repeat' (or
 * 'reused') once the first has committed. The same key twice in one batch is new once.
 */
export async function claimKeys(
  trx: Transaction<Database>,
  claims: readonly KeyClaim[],
): Promise<KeyState[]> {
  if (claims.length === 0) return []
  const rows = claims.map(({ surveyId, record, day }) => ({
    key_hash: record.keyHash,
    survey_id: surveyId,
    request_digest: record.fingerprint,
    day,
  }))
  const insert = (rows: readonly KeyRow[]) =>
    trx
      .insertInto('idempotency_keys')
      .values(rows)
      .onConflict((oc) => oc.column('key_hash').doNothing())
      .returning('key_hash')
  const result = await executeCachedInsert(trx, 'idempotency_keys claims', KEY_COLUMNS, rows, insert)
  const inserted = new Set((result.rows as { key_hash: string }[]).map((row) => row.key_hash))
  const states: KeyState[] = []
  for (const { surveyId, record } of claims) {
    // Taken out of the set: a second claim of the same key in this batch is not new.
    if (inserted.delete(record.keyHash)) {
      states.push('new')
      continue
    }
    const state = await keyState(trx, surveyId, record)
    // Deleted between the insert and the read (a sweep): the request was stored before.
    states.push(state === 'new' ? 'repeat' : state)
  }
  return states
}

type KeyRow = { key_hash: string; survey_id: number; request_digest: string; day: string }

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
