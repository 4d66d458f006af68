import { serve } from '@hono/node-server'
import { createDatabase, describeDatabase } from '../db/connection.js'
import { migrateToLatest } from '../db/migrate.js'
import { createWalGate, startWalCheckpoints } from '../db/wal-hygiene.js'
import { sweepKeys } from '../db/queries/idempotency-keys.js'
import { createThreadedResponseWriter } from '../db/queries/response-writer-thread.js'
import { createResponseWriter } from '../db/queries/response-writer.js'
import { createApp } from './app.js'
import { ensureInitialAdmin } from './accounts/initial-admin.js'
import { ConfigError, loadConfig } from './config.js'
import { loadSurveyFiles, SurveyFileError } from './publishing/survey-files.js'

// Built next to this file (npm run build:server); run from source (tsx), the .ts entry.
const WRITER_WORKER = new URL(
  import.meta.url.endsWith('.ts') ? './sqlite-writer-worker.ts' : './sqlite-writer-worker.js',
  import.meta.url,
)

async function main() {
  const config = loadConfig()
  // SQLite: the main connection and the response writer's thread share one log gate.
  const walGate = createWalGate()
  const db = createDatabase(config.database, { walGate })
  await migrateToLatest(db)
  await ensureInitialAdmin(db, config.admin, console.log)
  const surveys = await loadSurveyFiles(db, config.surveysDir)
  await sweepIdempotencyKeys(db)

  // SQLite: responses are stored by a thread of their own, so no commit stops the requests.
  const responseWriter =
    config.database.kind === 'sqlite' && config.database.path !== ':memory:'
      ? createThreadedResponseWriter(
          WRITER_WORKER,
          { path: config.database.path, walGate },
          createResponseWriter(db),
          (error) => console.error(`Response writer thread stopped: ${error.message}`),
        )
      : undefined
  const app = createApp({
    db,
    config,
    auth: { trustProxy: config.trustProxy },
    submissionRateLimit: { max: config.submissionRateLimit, windowMs: 10 * 60_000 },
    responseWriter,
  })
  // SQLite: retries log truncations that a reader blocked (db/wal-hygiene.ts); PostgreSQL: none.
  const stopCheckpoints = startWalCheckpoints(db)
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    const host = ['0.0.0.0', '::'].includes(config.host) ? 'localhost' : config.host
    const baseUrl = config.publicUrl ?? `http://${host}:${info.port}`
    console.log(`Database: ${describeDatabase(config.database)}`)
    for (const survey of surveys) {
      const change = survey.outcome === 'unchanged' ? '' : ` (${survey.outcome})`
      console.log(`Survey "${survey.slug}" v${survey.version}${change}: ${baseUrl}/s/${survey.slug}`)
    }
    console.log(`Listening on ${info.address}:${info.port}`)
  })

  let stopping = false
  const shutdown = (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`${signal}: finishing in-flight requests, then closing the database`)
    // close() stops accepting and calls back once open requests are done.
    server.close(async () => {
      stopCheckpoints()
      await responseWriter?.close()
      await db.destroy()
      process.exit(0)
    })
    if ('closeIdleConnections' in server) server.closeIdleConnections()
    setTimeout(() => {
      console.error('Shutdown timed out after 10 s; exiting')
      process.exit(1)
    }, 10_000).unref()
  }
  process.on('SIGTERM', () => shutdown('SIGTERM'))
  process.on('SIGINT', () => shutdown('SIGINT'))
}

/**
 * Idempotency keys end with their UTC day (and at each release): swept at start, then just after
 * every midnight UTC. A failed sweep (the database away) is simply tried at the next one.
 */
async function sweepIdempotencyKeys(db: Parameters<typeof sweepKeys>[0]) {
  await sweepKeys(db, new Date().toISOString().slice(0, 10)).catch(() => {})
  const now = Date.now()
  const nextMidnight = Math.ceil((now + 1) / 86_400_000) * 86_400_000
  setTimeout(() => void sweepIdempotencyKeys(db), nextMidnight - now + 1000).unref()
}

main().catch((error) => {
  if (error instanceof ConfigError || error instanceof SurveyFileError) {
    console.error(error.message)
  } else {
    console.error('Start-up failed:', error)
  }
  process.exit(1)
})
