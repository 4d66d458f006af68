// The production server as several instances on every core (node:cluster shares the port), the
// way they run behind a proxy on PostgreSQL. Only for PostgreSQL: SQLite is one server per file.
import cluster from 'node:cluster'
import { availableParallelism } from 'node:os'

if (cluster.isPrimary) {
  const workers = Array.from({ length: availableParallelism() }, () => cluster.fork())
  process.on('SIGTERM', () => {
    for (const worker of workers) worker.kill('SIGTERM')
    process.exit(0)
  })
} else {
  await import('../../../server/index.js')
}
