// The bare route on every core: one process per CPU sharing the port (node:cluster), the way a
// stateless route would be scaled. The submission server is one process per SQLite file.
import cluster from 'node:cluster'
import { availableParallelism } from 'node:os'

if (cluster.isPrimary) {
  const workers = Array.from({ length: availableParallelism() }, () => cluster.fork())
  process.on('SIGTERM', () => {
    for (const worker of workers) worker.kill('SIGTERM')
    process.exit(0)
  })
} else {
  await import('./bare-server.js')
}
