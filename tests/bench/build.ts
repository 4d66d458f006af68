import { execFileSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { build as esbuild } from 'esbuild'
import { BENCH_OUT, REPO_ROOT } from './paths.js'

export const SERVER_FULL = join(BENCH_OUT, 'server', 'index.js')
// Its own folder: the server finds its writer thread's entry next to itself.
export const SERVER_NORMAL = join(BENCH_OUT, 'server-sync-normal', 'index.js')
export const SERVER_BARE = join(BENCH_OUT, 'server', 'bare.js')
export const SERVER_BARE_CLUSTER = join(BENCH_OUT, 'server', 'bare-cluster.js')
export const SERVER_CLUSTER = join(BENCH_OUT, 'server', 'cluster.js')
export const AGGREGATE_CHILD = join(BENCH_OUT, 'aggregate-child.js')
export const CLIENT_OUT = join(BENCH_OUT, 'client')

// The same flags as `npm run build:server`, into the bench's own folder (dist/ is shared).
const bundle = (entry: string, outfile: string) =>
  esbuild({
    entryPoints: [join(REPO_ROOT, entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile,
    logLevel: 'warning',
  })

const WRITER_WORKER = 'sqlite-writer-worker.js'

export async function buildServers(): Promise<void> {
  await Promise.all([
    bundle('server/index.ts', SERVER_FULL),
    bundle('server/sqlite-writer-worker.ts', join(dirname(SERVER_FULL), WRITER_WORKER)),
    bundle('tests/bench/entries/server-sync-normal.ts', SERVER_NORMAL),
    bundle(
      'tests/bench/entries/sqlite-writer-worker-normal.ts',
      join(dirname(SERVER_NORMAL), WRITER_WORKER),
    ),
    bundle('tests/bench/entries/bare-server.ts', SERVER_BARE),
    bundle('tests/bench/entries/bare-cluster.ts', SERVER_BARE_CLUSTER),
    bundle('tests/bench/entries/server-cluster.ts', SERVER_CLUSTER),
    bundle('tests/bench/entries/aggregate-child.ts', AGGREGATE_CHILD),
  ])
}

/** The production client build (vite.config.ts, precompression included) into the bench folder. */
export function buildClient(): void {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', CLIENT_OUT], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
}
