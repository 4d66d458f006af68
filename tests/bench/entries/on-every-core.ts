// One process per CPU sharing the port (node:cluster): the primary forks them and stops them on
// SIGTERM; each worker runs `start`.
import cluster from 'node:cluster'
import { availableParallelism } from 'node:os'

export async function onEveryCore(start: () => Promise<unknown>): Promise<void> {
  if (!cluster.isPrimary) {
    await start()
    return
  }
  const workers = Array.from({ length: availableParallelism() }, () => cluster.fork())
  process.on('SIGTERM', () => {
    for (const worker of workers) worker.kill('SIGTERM')
    process.exit(0)
  })
}
