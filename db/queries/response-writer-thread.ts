import { Worker } from 'node:worker_threads'
import { TemporarilyUnavailable } from '../transient.js'
import type { IdempotencyRecord } from './idempotency-keys.js'
import { IdempotencyKeyReused, type ResponseWriter, type WriteOptions } from './response-writer.js'
import type { ResponseInput } from './responses.js'

export interface WriterRequest {
  id: number
  input: ResponseInput
  idempotency?: IdempotencyRecord
}

export type WriterReply =
  | { id: number; outcome: 'stored' | 'repeat' }
  | { id: number; refused: 'key-reused' }
  | { id: number; unavailable: number }
  | { id: number; failed: string }

/** What the thread makes of each write's outcome; the main thread turns it back into an error. */
export async function replyTo(request: WriterRequest, writer: ResponseWriter): Promise<WriterReply> {
  const { id } = request
  try {
    return { id, outcome: await writer.write(request.input, { idempotency: request.idempotency }) }
  } catch (error) {
    if (error instanceof IdempotencyKeyReused) return { id, refused: 'key-reused' }
    if (error instanceof TemporarilyUnavailable) return { id, unavailable: error.retryAfterSeconds }
    return { id, failed: error instanceof Error ? error.message : 'response not stored' }
  }
}

/**
 * The built entry runs as it is. Run from source (npm run dev), tsx's loader does not reach
 * worker threads, so the TypeScript entry is loaded through tsx's own API.
 */
function startWorker(url: URL, workerData: object): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { workerData })
  const api = import.meta.resolve('tsx/esm/api')
  const boot = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}) })`
  return new Worker(boot, { eval: true, workerData })
}

type Settle = { resolve: (outcome: 'stored' | 'repeat') => void; reject: (error: unknown) => void }

/**
 * SQLite only. better-sqlite3 is synchronous, so a group commit's fsyncs and its WAL checkpoint
 * stop the thread that runs them; on the main thread every request waited meanwhile (about half
 * of the server's time under load, decision 008). Here the group commit (createResponseWriter,
 * unchanged) runs in a worker thread on a connection of its own to the same file, while the main
 * thread goes on reading and validating the next requests. SQLite lets one connection write at a
 * time; the main connection's transactions take the write lock when they begin (db/connection.ts),
 * so a release still holds exactly the responses committed before it. `walGate` is the main
 * connection's: each write and the log truncation after it stay alone in the log (db/wal-hygiene.ts).
 *
 * Submissions that spend an invitation code go to `local`, the writer on the main connection: the
 * code is marked used by a function of that connection, in the response's transaction. Should the
 * thread stop, its unsettled writes are refused (a client resends them under its idempotency key)
 * and later ones go to `local` too.
 */
export function createThreadedResponseWriter(
  workerUrl: URL,
  database: { path: string; walGate: SharedArrayBuffer },
  local: ResponseWriter,
  /** Told once if the thread stops other than by close() (the server logs it). */
  onStop: (error: Error) => void = () => {},
) {
  const workerData = { databasePath: database.path, walGate: database.walGate }
  const worker = startWorker(workerUrl, workerData)
  const pending = new Map<number, Settle>()
  let nextId = 0
  let stopped = false
  let closing = false

  const stop = (error: Error) => {
    if (!stopped && !closing) onStop(error)
    stopped = true
    for (const settle of pending.values()) settle.reject(error)
    pending.clear()
  }
  worker.on('message', (reply: WriterReply) => {
    const settle = pending.get(reply.id)
    if (!settle) return
    pending.delete(reply.id)
    if ('outcome' in reply) settle.resolve(reply.outcome)
    else if ('refused' in reply) settle.reject(new IdempotencyKeyReused())
    else if ('unavailable' in reply) settle.reject(new TemporarilyUnavailable(reply.unavailable))
    else settle.reject(new Error(reply.failed))
  })
  worker.on('error', (error) => stop(error))
  worker.on('exit', (code) => stop(new Error(`the response writer thread stopped (${code})`)))

  return {
    write(input: ResponseInput, options: WriteOptions = {}): Promise<'stored' | 'repeat'> {
      if (options.claim || stopped) return local.write(input, options)
      return new Promise((resolve, reject) => {
        const id = nextId++
        pending.set(id, { resolve, reject })
        worker.postMessage({ id, input, idempotency: options.idempotency } satisfies WriterRequest)
      })
    },
    /** After the last write settled: closes the thread's connection (its log checkpointed). */
    async close(): Promise<void> {
      if (stopped) return
      closing = true
      const exited = new Promise((resolve) => worker.once('exit', resolve))
      worker.postMessage('close')
      await exited
    },
  }
}
