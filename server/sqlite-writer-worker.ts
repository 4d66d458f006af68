// Entry of the response writer's thread (db/queries/response-writer-thread.ts): the group commit
// on a SQLite connection of its own, so its fsyncs never stop the main thread. Like index.ts, an
// entry point with side effects; it only answers the main thread's messages.
import { parentPort, workerData } from 'node:worker_threads'
import { createSqliteDb } from '../db/connection.js'
import { replyTo, type WriterRequest } from '../db/queries/response-writer-thread.js'
import { createResponseWriter } from '../db/queries/response-writer.js'
import { startWalCheckpoints } from '../db/wal-hygiene.js'

// A release at a million responses holds the write lock for seconds: the batch waits for it
// rather than failing after the main connection's 5 s.
const BUSY_TIMEOUT_MS = 60_000

const port = parentPort!
const { databasePath, walGate } = workerData as { databasePath: string; walGate: SharedArrayBuffer }
const db = createSqliteDb(databasePath, { busyTimeout: BUSY_TIMEOUT_MS, walGate })
const writer = createResponseWriter(db)
const stopCheckpoints = startWalCheckpoints(db)

port.on('message', (message: WriterRequest | 'close') => {
  if (message === 'close') {
    stopCheckpoints()
    void db.destroy().then(() => port.close())
    return
  }
  void replyTo(message, writer).then((reply) => port.postMessage(reply))
})
