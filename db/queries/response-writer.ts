import { randomBytes } from 'node:crypto'
import { sql, type Kysely, type Transaction } from 'kysely'
import { dialectOf, shareLockOn } from '../dialect.js'
import type { Database } from '../schema.js'
import { isTransientError, retryTransient, type RetryOptions } from '../transient.js'
import { claimKey, releaseKey, type IdempotencyRecord } from './idempotency-keys.js'
import { addResponseCounts } from './response-counts.js'
import {
  pendingReleases,
  storeManyResponseRows,
  storeResponseRows,
  type ResponseInput,
} from './responses.js'

type Claim = (trx: Transaction<Database>) => Promise<void>

export interface WriteOptions {
  /**
   * Runs in the response's transaction before it is stored (an invitation code is marked used);
   * if it throws, this response alone is refused. `order` sorts the claims of a batch, so that
   * every transaction takes the rows they lock in one order.
   */
  claim?: { order: string; run: Claim }
  /** The client's Idempotency-Key; without one the writer makes its own (see below). */
  idempotency?: IdempotencyRecord
}

/** The idempotency key was used before for another request. */
export class IdempotencyKeyReused extends Error {
  constructor() {
    super('idempotency key reused')
  }
}

interface Pending {
  input: ResponseInput
  claim?: WriteOptions['claim']
  key?: IdempotencyRecord
  resolve: (outcome: 'stored' | 'repeat') => void
  reject: (error: unknown) => void
}

/** A response's own rows failed for a reason of its own: the batch runs again without it. */
class ItemFailed extends Error {
  constructor(
    readonly item: Pending,
    readonly reason: unknown,
  ) {
    super('response refused')
  }
}

const ownKey = (): IdempotencyRecord => ({
  keyHash: randomBytes(32).toString('hex'),
  fingerprint: randomBytes(32).toString('hex'),
})

/** The batch's rows, inserted together, failed: it runs again one response at a time. */
class TogetherFailed extends Error {
  constructor() {
    super('rows of a batch refused')
  }
}

const byString =
  <T>(key: (item: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0

/**
 * Group commit: responses that arrive while a transaction is being written are stored together
 * in the next one, so one durable commit (an fsync with synchronous=FULL) serves many
 * submissions. A caller's promise settles only once its response is committed, or with the error
 * that kept it out.
 *
 * Locks are taken in one global order, so two batches (on two instances) never deadlock: the
 * surveys' shared advisory locks by id, the idempotency keys by hash, the claims (invitation
 * codes) by `order`, then new rows of the responses' own, then the merged count rows by key. A
 * batch that still fails transiently (a serialization failure, a lost connection, SQLite busy) is
 * run again from the start; on PostgreSQL each response carries an idempotency key (the client's
 * or one made here), stored in the same transaction, so a retry after a commit whose answer was
 * lost finds the key and stores nothing twice. SQLite is in the process: a commit cannot succeed
 * unseen, so there only a client's key is stored (one random-page write fewer per response).
 * See docs/decisions/006-no-answer-lost.md.
 */
export function createResponseWriter(
  db: Kysely<Database>,
  { maxBatch = 100, retry = {} }: { maxBatch?: number; retry?: RetryOptions } = {},
) {
  const postgres = dialectOf(db) === 'postgres'
  const queue: Pending[] = []
  let writing = false

  async function storeBatch(trx: Transaction<Database>, batch: Pending[], together: boolean) {
    const outcomes = new Map<Pending, 'stored' | 'repeat' | { refused: unknown }>()
    const surveys = [...new Set(batch.map((item) => item.input.surveyId))].sort((a, b) => a - b)
    // Held until commit: a release waits for these responses to be stored and counted (or not).
    for (const surveyId of surveys) await shareLockOn(trx, 'responses', surveyId)
    const keyed = batch.filter((item) => item.key !== undefined)
    for (const item of keyed.sort(byString((item) => item.key!.keyHash))) {
      const state = await claimKey(trx, item.input.surveyId, item.key!, item.input.submittedOn)
      if (state !== 'new') {
        outcomes.set(item, state === 'repeat' ? 'repeat' : { refused: new IdempotencyKeyReused() })
      }
    }
    const claims = batch.filter((item) => !outcomes.has(item) && item.claim)
    for (const item of claims.sort(byString((item) => item.claim!.order))) {
      await sql`savepoint claim`.execute(trx)
      try {
        await item.claim!.run(trx)
        await sql`release savepoint claim`.execute(trx)
      } catch (error) {
        if (isTransientError(error)) throw error
        await sql`rollback to savepoint claim`.execute(trx)
        await sql`release savepoint claim`.execute(trx)
        if (item.key) await releaseKey(trx, item.key.keyHash)
        outcomes.set(item, { refused: error })
      }
    }
    const storing = batch.filter((item) => !outcomes.has(item))
    const releases = await pendingReleases(trx, surveys)
    if (together || storing.length === 1) {
      try {
        await storeManyResponseRows(
          trx,
          storing.map((item) => item.input),
          releases,
        )
      } catch (error) {
        if (isTransientError(error)) throw error
        throw storing.length === 1 ? new ItemFailed(storing[0], error) : new TogetherFailed()
      }
    } else {
      for (const item of storing) {
        try {
          await storeResponseRows(trx, item.input, releases)
        } catch (error) {
          if (isTransientError(error)) throw error
          throw new ItemFailed(item, error)
        }
      }
    }
    for (const item of storing) outcomes.set(item, 'stored')
    await addResponseCounts(
      trx,
      storing.map((item) => item.input),
      releases,
    )
    return outcomes
  }

  async function writeBatch(batch: Pending[]) {
    let remaining = batch
    // PostgreSQL: a few statements per table for the whole batch, each statement a round trip.
    // SQLite runs in the process, and there a statement of many rows journals the pages it
    // changes (past 64 KB, into a temporary file): a statement per response writes less.
    let together = postgres
    while (remaining.length > 0) {
      try {
        const outcomes = await retryTransient(
          () => db.transaction().execute((trx) => storeBatch(trx, remaining, together)),
          retry,
        )
        for (const [item, outcome] of outcomes) {
          if (typeof outcome === 'string') item.resolve(outcome)
          else item.reject(outcome.refused)
        }
        return
      } catch (error) {
        // Nothing of this attempt was committed: refuse the one response at fault, retry the rest.
        if (error instanceof TogetherFailed) {
          together = false
          continue
        }
        if (!(error instanceof ItemFailed)) {
          for (const item of remaining) item.reject(error)
          return
        }
        error.item.reject(error.reason)
        remaining = remaining.filter((item) => item !== error.item)
      }
    }
  }

  // setImmediate lets the event loop read the requests that arrived meanwhile (better-sqlite3
  // blocks it while committing), so they join the next batch instead of each waiting alone.
  function schedule() {
    writing = true
    setImmediate(async () => {
      await writeBatch(queue.splice(0, maxBatch))
      if (queue.length > 0) schedule()
      else writing = false
    })
  }

  return {
    /** Resolves 'stored', or 'repeat' when the same request was stored before under its key. */
    write(input: ResponseInput, options: WriteOptions = {}): Promise<'stored' | 'repeat'> {
      // PostgreSQL, without a client key: one of our own, so a retry after a lost commit finds it.
      const key = options.idempotency ?? (postgres ? ownKey() : undefined)
      return new Promise((resolve, reject) => {
        queue.push({ input, claim: options.claim, key, resolve, reject })
        if (!writing) schedule()
      })
    },
  }
}

export type ResponseWriter = ReturnType<typeof createResponseWriter>
