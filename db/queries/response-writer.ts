import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../schema.js'
import { storeResponse, type ResponseInput } from './responses.js'

type Before = (trx: Transaction<Database>) => Promise<void>

interface Pending {
  input: ResponseInput
  before?: Before
  resolve: () => void
  reject: (error: unknown) => void
}

/**
 * Group commit: responses that arrive while a transaction is being written are stored together
 * in the next one, so one durable commit (an fsync with synchronous=FULL) serves many
 * submissions. Each response sits in its own savepoint, so one refused response (a spent
 * invitation code) is undone alone; a caller's promise settles only once its response is
 * committed, or with the error that kept it out.
 */
export function createResponseWriter(db: Kysely<Database>, maxBatch = 100) {
  const queue: Pending[] = []
  let writing = false

  async function writeBatch(batch: Pending[]) {
    const stored: Pending[] = []
    try {
      await db.transaction().execute(async (trx) => {
        for (const item of batch) {
          await sql`savepoint response`.execute(trx)
          try {
            await storeResponse(trx, item.input, item.before)
            await sql`release savepoint response`.execute(trx)
            stored.push(item)
          } catch (error) {
            item.reject(error)
            await sql`rollback to savepoint response`.execute(trx)
            await sql`release savepoint response`.execute(trx)
          }
        }
      })
      for (const item of stored) item.resolve()
    } catch (error) {
      // Nothing of this batch was committed. A promise settles once, so items already refused
      // keep their own error.
      for (const item of batch) item.reject(error)
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
    write(input: ResponseInput, before?: Before): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        queue.push({ input, before, resolve, reject })
        if (!writing) schedule()
      })
    },
  }
}

export type ResponseWriter = ReturnType<typeof createResponseWriter>
