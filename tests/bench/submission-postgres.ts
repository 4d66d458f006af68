import { randomBytes } from 'node:crypto'
import { SERVER_CLUSTER, SERVER_FULL } from './build.js'
import { fmt, ratio, type Section, type Target } from './report.js'
import { measureLoad, startForLoad, type LoadOptions, type LoadResult } from './submission.js'
import { onServer } from '../test-database.js'

/** A fresh schema on the bench's PostgreSQL server, for one server run; dropped by `drop`. */
async function freshSchema(serverUrl: string) {
  const schema = `bench_${randomBytes(6).toString('hex')}`
  await onServer(serverUrl, `create schema ${schema}`)
  const url = new URL(serverUrl)
  url.searchParams.set('options', `-c search_path=${schema}`)
  const stored = async () =>
    Number((await onServer(url.toString(), 'select count(*) as n from responses'))[0].n)
  const drop = () => onServer(serverUrl, `drop schema ${schema} cascade`)
  return { url: url.toString(), stored, drop }
}

/**
 * Submissions on PostgreSQL (BENCH_DATABASE_URL), one instance and one instance per core, each
 * against the bare route with the same processes: the product's way past one process.
 */
export async function postgresSubmissions(
  serverUrl: string,
  bodies: string[],
  load: LoadOptions,
  bare: { one: LoadResult; cores: LoadResult },
  cores: number,
  log: (message: string) => void,
): Promise<{ section: Section; targets: Target[] }> {
  const run = async (label: string, script: string) => {
    log(`submissions: ${label}`)
    const database = await freshSchema(serverUrl)
    try {
      const env = {
        DATABASE_URL: database.url,
        SUBMISSION_RATE_LIMIT: '1000000000',
        ADMIN_PASSWORD: 'bench-password-not-secret',
      }
      const server = await startForLoad(script, env)
      try {
        // The other instances finish starting during the warm-up.
        const measured = await measureLoad(label, server, bodies, load)
        return { measured, stored: await database.stored() }
      } finally {
        await server.stop()
      }
    } finally {
      await database.drop()
    }
  }
  const one = await run('server on PostgreSQL, one instance', SERVER_FULL)
  const many = await run(`server on PostgreSQL, ${cores} instances (all cores)`, SERVER_CLUSTER)
  const row = (r: { measured: LoadResult; stored: number }, baseline: LoadResult) => [
    r.measured.label,
    fmt(r.measured.requestsPerSecond, 0),
    fmt(ratio(r.measured.requestsPerSecond, baseline.requestsPerSecond), 3),
    fmt(r.measured.p50),
    fmt(r.measured.p99),
    r.measured.errors,
    `${r.stored} of ${r.measured.acknowledged}`,
  ]
  const target = (r: { measured: LoadResult }, baseline: LoadResult, name: string): Target => {
    const share = ratio(r.measured.requestsPerSecond, baseline.requestsPerSecond)
    return {
      name,
      value: `${fmt(share, 3)}x (${fmt(r.measured.requestsPerSecond, 0)} vs ${fmt(baseline.requestsPerSecond, 0)} req/s), ${r.measured.errors} errors`,
      met: share >= 0.5 && r.measured.errors === 0,
    }
  }
  return {
    section: {
      title: '1c. Submissions on PostgreSQL',
      rows: [
        ['run', 'requests/s', 'ratio to bare', 'p50 ms', 'p99 ms', 'errors', 'stored of 201s'],
        row(one, bare.one),
        row(many, bare.cores),
      ],
      notes: [
        'The same load as section 1 against the production bundle on a fresh schema of ' +
          'BENCH_DATABASE_URL (PostgreSQL on this machine): one instance, compared with the bare ' +
          `route in one process; then ${cores} instances sharing the port (node:cluster), ` +
          `compared with the bare route in ${cores} processes. PostgreSQL runs on the same CPUs.`,
      ],
    },
    targets: [
      target(one, bare.one, 'submissions on PostgreSQL >= 0.5x bare route, one instance'),
      target(many, bare.cores, `submissions on PostgreSQL >= 0.5x bare route, ${cores} instances`),
    ],
  }
}
