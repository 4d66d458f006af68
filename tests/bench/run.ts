/**
 * `npm run bench`: submission throughput, aggregation at scale, respondent page weight and cold
 * start, each as a ratio against a baseline measured in the same run (see README, "Benchmarks").
 * `npm run bench -- --quick` is the short smoke version (tiny sizes, nothing written to the repo).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import SQLite from 'better-sqlite3'
import { measureAggregation, type AggregationResult } from './aggregation.js'
import { measureBackfill, type BackfillResult } from './backfill.js'
import { answerGenerator, bundledDefinition, SURVEY_SLUG } from './answers.js'
import { measureBarePage } from './bare-page.js'
import {
  buildClient,
  buildServers,
  CLIENT_OUT,
  SERVER_BARE,
  SERVER_BARE_CLUSTER,
  SERVER_FULL,
  SERVER_NORMAL,
} from './build.js'
import { measureColdStart } from './cold-start.js'
import { disclosure } from './disclosure.js'
import { createSurveyDatabase, generateResponses, type Generated } from './generate.js'
import { parseOptions, type BenchOptions } from './options.js'
import { measureServedPage, type PageWeight } from './page-weight.js'
import { REPO_ROOT } from './paths.js'
import { fmt, ratio, renderReport, type Section, type Target } from './report.js'
import { postgresSubmissions } from './submission-postgres.js'
import { ceilingsSection } from './ceilings.js'
import { measureLoad, pinToOneCore, startForLoad, type LoadOptions, type LoadResult } from './submission.js'
import {
  GROUP_SIZE,
  LARGE_GROUP,
  measureSubmissionParts,
  type SubmissionParts,
} from './submission-parts.js'

export interface BenchResult {
  sections: Section[]
  targets: Target[]
  markdown: string
  submission?: {
    bare: LoadResult
    full: LoadResult
    normal: LoadResult
    bareMany: LoadResult
    fullMany: LoadResult
    barePinned: LoadResult
    fullPinned: LoadResult
    bareCores: LoadResult
    paced: LoadResult
    cores: number
    stored: number[]
    parts: SubmissionParts
  }
  aggregation?: { size: number; generated: Generated; result: AggregationResult }[]
  backfill?: { size: number; result: BackfillResult }
  page?: { served: PageWeight; bare: { gzipBytes: number; rawBytes: number } }
  coldStart?: { emptyMs: number; fullMs: number; responses: number }
}

const log = (message: string) => console.error(`[bench] ${message}`)

function countStored(databasePath: string): number {
  const sqlite = new SQLite(databasePath, { readonly: true })
  const row = sqlite.prepare('select count(*) as n from responses').get() as { n: number }
  sqlite.close()
  return row.n
}

function serverEnv(databasePath: string): Record<string, string> {
  return {
    DATABASE_URL: databasePath,
    CLIENT_DIR: CLIENT_OUT,
    SUBMISSION_RATE_LIMIT: '1000000000',
    ADMIN_PASSWORD: 'bench-password-not-secret',
  }
}

function requestBodies(count: number): string[] {
  const generator = answerGenerator(bundledDefinition(), 1)
  const locales = ['fi', 'sv', 'en']
  return Array.from({ length: count }, (_, i) =>
    JSON.stringify({ answers: generator.answers(), locale: locales[i % 3] }),
  )
}

async function submission(options: BenchOptions, dir: string, result: BenchResult) {
  const bodies = requestBodies(options.bodies)
  const run = async (
    label: string,
    script: string,
    env: Record<string, string>,
    load: LoadOptions = options.load,
    pinned = false,
  ) => {
    log(`submissions: ${label}`)
    const server = await startForLoad(script, env)
    try {
      if (pinned) pinToOneCore(server)
      const measured = await measureLoad(label, server, bodies, load)
      const page =
        load === options.load && script === SERVER_FULL && options.sections.has('page')
          ? await measureServedPage(server.baseUrl, `/s/${SURVEY_SLUG}`)
          : undefined
      return { load: measured, page }
    } finally {
      await server.stop()
    }
  }
  const bare = await run('bare Hono route (baseline)', SERVER_BARE, {})
  const fullDb = join(dir, 'submissions-full.db')
  const full = await run('server, synchronous=FULL', SERVER_FULL, serverEnv(fullDb))
  const normalDb = join(dir, 'submissions-normal.db')
  const normal = await run('server, synchronous=NORMAL (reference)', SERVER_NORMAL, serverEnv(normalDb))
  const many = { ...options.load, connections: options.manyConnections }
  const bareMany = await run(`bare Hono route, ${many.connections} connections`, SERVER_BARE, {}, many)
  const fullManyDb = join(dir, 'submissions-full-many.db')
  const fullMany = await run(
    `server, synchronous=FULL, ${many.connections} connections`,
    SERVER_FULL,
    serverEnv(fullManyDb),
    many,
  )
  // With one core each (both pinned to the first CPU), and with every core the machine has: the
  // bare route in one process per core, the server as it runs (one process per SQLite file).
  const cores = availableParallelism()
  const barePinned = await run('bare Hono route, one core', SERVER_BARE, {}, options.load, true)
  const fullPinnedDb = join(dir, 'submissions-full-pinned.db')
  const fullPinned = await run(
    'server, synchronous=FULL, one core',
    SERVER_FULL,
    serverEnv(fullPinnedDb),
    options.load,
    true,
  )
  const bareCores = await run(`bare Hono route, ${cores} processes (all cores)`, SERVER_BARE_CLUSTER, {})
  // Latency below saturation: the same load paced at 80 % of the rate the server just reached.
  const pacedLoad = { ...options.load, rate: Math.max(1, Math.round(0.8 * full.load.requestsPerSecond)) }
  const pacedDb = join(dir, 'submissions-paced.db')
  const paced = await run(
    `server, synchronous=FULL, paced at ${pacedLoad.rate} req/s (80 % of its peak)`,
    SERVER_FULL,
    serverEnv(pacedDb),
    pacedLoad,
  )
  const stored = [
    countStored(fullDb),
    countStored(normalDb),
    countStored(fullManyDb),
    countStored(fullPinnedDb),
    countStored(pacedDb),
  ]
  log('submissions: where the time goes')
  const parts = await measureSubmissionParts(dir, bodies, options.quick ? 20 : 200)
  result.submission = {
    bare: bare.load,
    full: full.load,
    normal: normal.load,
    bareMany: bareMany.load,
    fullMany: fullMany.load,
    barePinned: barePinned.load,
    fullPinned: fullPinned.load,
    bareCores: bareCores.load,
    paced: paced.load,
    cores,
    stored,
    parts,
  }
  if (full.page) result.page = { served: full.page, bare: { gzipBytes: 0, rawBytes: 0 } }

  const row = (r: LoadResult, storedRows?: number, baseline = bare.load) => [
    r.label,
    fmt(r.requestsPerSecond, 0),
    fmt(ratio(r.requestsPerSecond, baseline.requestsPerSecond), 3),
    fmt(r.p50),
    fmt(r.p99),
    r.errors,
    storedRows === undefined ? '-' : `${storedRows} of ${r.acknowledged}`,
  ]
  result.sections.push({
    title: '1. Submission throughput',
    rows: [
      ['run', 'requests/s', 'ratio to bare', 'p50 ms', 'p99 ms', 'errors', 'stored of 201s'],
      row(bare.load),
      row(full.load, stored[0]),
      row(normal.load, stored[1]),
      row(bareMany.load, undefined, bareMany.load),
      row(fullMany.load, stored[2], bareMany.load),
      row(barePinned.load, undefined, barePinned.load),
      row(fullPinned.load, stored[3], barePinned.load),
      row(bareCores.load, undefined, bareCores.load),
      row(full.load, stored[0], bareCores.load),
      row(paced.load, stored[4]),
    ],
    notes: [
      `autocannon, ${options.load.connections} connections, ${options.load.seconds} s after a ` +
        `${options.load.warmupSeconds} s warm-up (30 s request timeout), cycling through ${bodies.length} valid responses ` +
        'to the bundled survey; the server is the production bundle on a fresh SQLite file (WAL).',
      'The baseline is a bare Hono route on @hono/node-server that parses the same JSON body and ' +
        'answers 201 without validating or storing it.',
      'synchronous=NORMAL is a reference only: the server always runs with synchronous=FULL.',
      `Rows 4 and 5 repeat the bare route and the server with ${many.connections} connections; ` +
        'that server row is compared with the bare route at the same concurrency.',
      'Rows 6 and 7: both pinned to the first CPU (taskset), the server compared with the bare ' +
        `route on one core. Rows 8 and 9: every core (${cores}), the bare route in one process per ` +
        'core (node:cluster) and the server as it runs, one process per SQLite file; row 9 is the ' +
        'server run of row 2 compared with row 8. autocannon runs on the same CPUs.',
      'The last row paces the load at 80 % of the rate the server reached in row 2 ' +
        '(autocannon overallRate, same connections): the latency a respondent sees below saturation.',
    ],
  })
  const ms = (value: number) => fmt(value, 2)
  const perRequest = 1000 / full.load.requestsPerSecond
  result.sections.push({
    title: "1b. Where a submission's time goes",
    rows: [
      ['step, per response', 'ms', 'ratio'],
      ['validation on a survey-core model (the path before the compiled validator)', ms(parts.validateSurveyCore), '1'],
      ['validation, compiled', ms(parts.validateCompiled), fmt(ratio(parts.validateCompiled, parts.validateSurveyCore), 3)],
      ['validation + flattening + quiz scoring (prepareResponse)', ms(parts.prepare), '-'],
      ['storing, one transaction each (synchronous=FULL)', ms(parts.storeAlone), '1'],
      [`storing, group commit of ${GROUP_SIZE}`, ms(parts.storeGrouped), fmt(ratio(parts.storeGrouped, parts.storeAlone), 3)],
      [`bytes written per response, group commit of ${GROUP_SIZE} (log + checkpoint into the file)`, fmt(parts.bytesPerResponse, 0), '-'],
      [`storing, group commit of ${LARGE_GROUP}`, ms(parts.storeGroupedLarge), fmt(ratio(parts.storeGroupedLarge, parts.storeAlone), 3)],
      ['one tiny write transaction: commit + WAL checkpoint (db/wal-hygiene.ts)', ms(parts.emptyCommit), '-'],
      ['the same commit without the checkpoint (fsync of the log alone)', ms(parts.emptyCommitNoCheckpoint), '-'],
      ['a whole request at the measured throughput (1 / requests per second)', ms(perRequest), '-'],
      ['a bare-route request (1 / its requests per second)', ms(1000 / bare.load.requestsPerSecond), '-'],
    ],
    notes: [
      'Measured in the bench process, one step at a time, over the same bodies as the load runs. ' +
        'Storing writes the response, its answer rows, quiz items and running counts on a fresh ' +
        'SQLite file. The server runs one request at a time on one core (autocannon takes the ' +
        'other), so a request costs about preparing plus storing plus HTTP and the survey lookup.',
    ],
  })
  result.sections.push(
    ceilingsSection({
      connections: options.load.connections,
      bareRequestsPerSecond: bare.load.requestsPerSecond,
      serverRequestsPerSecond: full.load.requestsPerSecond,
      emptyCommit: parts.emptyCommit,
      emptyCommitNoCheckpoint: parts.emptyCommitNoCheckpoint,
      prepare: parts.prepare,
    }),
  )
  const share = ratio(full.load.requestsPerSecond, bare.load.requestsPerSecond)
  result.targets.push({
    name: 'submissions >= 0.5x bare route, 0 errors',
    value: `${fmt(share, 3)}x (${fmt(full.load.requestsPerSecond, 0)} vs ${fmt(bare.load.requestsPerSecond, 0)} req/s), ${full.load.errors} errors`,
    met: share >= 0.5 && full.load.errors === 0,
  })
  const shareOne = ratio(fullPinned.load.requestsPerSecond, barePinned.load.requestsPerSecond)
  result.targets.push({
    name: 'submissions >= 0.5x bare route, one core each, 0 errors',
    value: `${fmt(shareOne, 3)}x (${fmt(fullPinned.load.requestsPerSecond, 0)} vs ${fmt(barePinned.load.requestsPerSecond, 0)} req/s), ${fullPinned.load.errors} errors`,
    met: shareOne >= 0.5 && fullPinned.load.errors === 0,
  })
  const shareAll = ratio(full.load.requestsPerSecond, bareCores.load.requestsPerSecond)
  result.targets.push({
    name: `submissions >= 0.5x bare route, all ${cores} cores, 0 errors`,
    value: `${fmt(shareAll, 3)}x (${fmt(full.load.requestsPerSecond, 0)} vs ${fmt(bareCores.load.requestsPerSecond, 0)} req/s), ${full.load.errors} errors`,
    met: shareAll >= 0.5 && full.load.errors === 0,
  })
  result.targets.push({
    name: 'submissions: p99 < 50 ms at 80 % of the peak rate, 0 errors',
    value: `p99 ${fmt(paced.load.p99)} ms (p50 ${fmt(paced.load.p50)}) at ${fmt(paced.load.requestsPerSecond, 0)} req/s, ${paced.load.errors} errors`,
    met: paced.load.p99 < 50 && paced.load.errors === 0,
  })
  // PostgreSQL, when the bench is given a server to use (the product's way past one process).
  const postgresUrl = process.env.BENCH_DATABASE_URL
  if (postgresUrl) {
    const baselines = { one: bare.load, cores: bareCores.load }
    const measured = await postgresSubmissions(postgresUrl, bodies, options.load, baselines, cores, log)
    result.sections.push(measured.section)
    result.targets.push(...measured.targets)
  }
  const shareMany = ratio(fullMany.load.requestsPerSecond, bareMany.load.requestsPerSecond)
  result.targets.push({
    name: `submissions >= 0.5x bare route at ${many.connections} connections, 0 errors`,
    value: `${fmt(shareMany, 3)}x (${fmt(fullMany.load.requestsPerSecond, 0)} vs ${fmt(bareMany.load.requestsPerSecond, 0)} req/s), ${fullMany.load.errors} errors, p99 ${fmt(fullMany.load.p99)} ms`,
    met: shareMany >= 0.5 && fullMany.load.errors === 0,
  })
}

async function aggregation(options: BenchOptions, dir: string, result: BenchResult) {
  result.aggregation = []
  for (const size of options.sizes) {
    const path = join(dir, `aggregation-${size}.db`)
    log(`aggregation: generating ${size} responses`)
    const generated = await generateResponses(path, size, { variants: options.variants, seed: size })
    log(`aggregation: measuring ${size}`)
    const measured = measureAggregation(path, options.aggregateRepeats)
    result.aggregation.push({ size, generated, result: measured })
    if (size !== Math.max(...options.sizes)) rmSync(path, { force: true })
  }
  const rows = result.aggregation.map(({ size, generated, result: r }) => [
    fmt(size, 0),
    fmt(generated.valueRows / generated.seconds, 0),
    `${fmt(generated.countsSeconds * 1000, 0)} (${fmt(ratio(generated.countsSeconds * 1000, r.baselineMs), 2)}x)`,
    fmt(r.baselineMs, 0),
    `${fmt(r.planMs, 0)} (${fmt(ratio(r.planMs, r.baselineMs), 2)}x)`,
    `${fmt(r.releaseMs, 0)} (${fmt(ratio(r.releaseMs, r.baselineMs), 2)}x)`,
    `${fmt(r.aggregatesMs, 0)} (${fmt(ratio(r.aggregatesMs, r.baselineMs), 2)}x)`,
    fmt(r.maxRssMb, 0),
    r.baselineRespondents === size && r.releasedRespondents === size ? 'yes' : '**no**',
  ])
  const [small, large] = [result.aggregation[0], result.aggregation.at(-1)!]
  const scale = large.size / small.size
  const growth = (pick: (r: AggregationResult) => number) =>
    ratio(pick(large.result), pick(small.result)) / scale
  result.sections.push({
    title: '2. Aggregation at scale (by=sector,region)',
    rows: [
      ['responses', 'generated value rows/s', 'counts built in one pass ms', 'baseline GROUP BY ms', 'count + suppression ms', 'make a release ms', 'read aggregates ms', 'peak RSS MB', 'counts equal'],
      ...rows,
    ],
    notes: [
      'Responses are generated straight into SQLite in transactions of 10,000 (each one a ' +
        `response the server would store: ${options.variants} answer sets validated, flattened and ` +
        'scored by the domain code, with sector, profession and region drawn skewed per response).',
      'Baseline: one hand-written `GROUP BY` counting respondents per sector x region on the same database.',
      'Results are read from running counts per sector x region x profession cell ' +
        '(`response_counts`, db/queries/response-counts.ts): the server adds each response\'s counts ' +
        'in the transaction that stores it (its cost is inside the submission figures above), under ' +
        'the number of the release it will be part of, as the response row is (decision 008, fifth ' +
        'step). The generator writes rows in bulk, so it builds the ' +
        'counts afterwards in one pass, as the migration does for an existing database: "counts ' +
        'built in one pass" is that one-off cost, shown for reference.',
      '"Count + suppression" is the computation a release makes for its tables: respondents per ' +
        'sector x region x profession (countGroups) and the small-cell suppression plan for the total, ' +
        'one-way and two-way tables (planSuppression).',
      '"Make a release" is all of POST /releases: the same plus claiming the pending responses and ' +
        'counts (on SQLite only those stored before the fifth step; they are none here), summing ' +
        'the counts into every table ' +
        'the release can show (`release_tables`) and storing the publication, in one transaction. ' +
        '"Read aggregates" is the full computation of GET /aggregates?by=sector,region on that ' +
        'release, suppression included: every answer count, mean and quiz share for the total and ' +
        'for each group. It is the figure held to the 3x target.',
      `Growth from ${fmt(small.size, 0)} to ${fmt(large.size, 0)} responses, divided by the ` +
        `${fmt(scale, 0)}x more data (1 = linear): baseline ${fmt(growth((r) => r.baselineMs), 2)}, ` +
        `count + suppression ${fmt(growth((r) => r.planMs), 2)}, ` +
        `release ${fmt(growth((r) => r.releaseMs), 2)}, aggregates ${fmt(growth((r) => r.aggregatesMs), 2)}.`,
      'Peak RSS is the measuring child process\'s VmHWM (it runs the baseline, the release and the ' +
        `reads): ${result.aggregation.map(({ size, result: r }) => `${fmt(size, 0)}: ${fmt(r.rssAfterBaselineMb, 0)} MB after the baseline, ${fmt(r.rssAfterReleaseMb, 0)} after the release, ${fmt(r.maxRssMb, 0)} after the reads`).join('; ')}.`,
    ],
  })
  const worst = (pick: (r: AggregationResult) => number) =>
    Math.max(...result.aggregation!.map((a) => ratio(pick(a.result), a.result.baselineMs)))
  result.targets.push({
    name: 'aggregates by=sector,region (with suppression) <= 3x baseline GROUP BY',
    value:
      `worst ${fmt(worst((r) => r.aggregatesMs), 3)}x (count + suppression ` +
      `${fmt(worst((r) => r.planMs), 3)}x, whole release ${fmt(worst((r) => r.releaseMs), 2)}x)`,
    met: worst((r) => r.aggregatesMs) <= 3 && worst((r) => r.planMs) <= 3,
  })
  // Issue 20: a release at the largest size (1,000,000 by default) within the baseline's time.
  const { releaseMs, baselineMs } = large.result
  result.targets.push({
    name: `a release at ${fmt(large.size, 0)} responses <= 1x baseline GROUP BY`,
    value: `${fmt(releaseMs, 0)} ms (${fmt(ratio(releaseMs, baselineMs), 2)}x its ${fmt(baselineMs, 0)} ms)`,
    met: releaseMs <= baselineMs,
  })
  const planGrowth = growth((r) => r.planMs)
  result.targets.push({
    name: `growth ${fmt(small.size, 0)} -> ${fmt(large.size, 0)} no worse than linear`,
    value:
      `count + suppression ${fmt(planGrowth, 2)}, release ${fmt(growth((r) => r.releaseMs), 2)}, ` +
      `aggregates ${fmt(growth((r) => r.aggregatesMs), 2)} (1 = linear)`,
    met: Math.max(planGrowth, growth((r) => r.releaseMs), growth((r) => r.aggregatesMs)) <= 1.1,
  })
  const rss = result.aggregation.map((a) => a.result.maxRssMb)
  result.targets.push({
    name: 'aggregation does not hold all responses in memory',
    value: `peak RSS ${rss.map((r) => fmt(r, 0)).join(' / ')} MB`,
    met: rss.at(-1)! < rss[0] * 2,
  })
}

async function backfill(options: BenchOptions, dir: string, result: BenchResult) {
  const size = options.backfillSize
  const path = join(dir, `backfill-${size}.db`)
  log(`backfill: generating ${size} responses`)
  await generateResponses(path, size, { variants: options.variants, seed: size })
  log(`backfill: measuring ${size}`)
  const measured = await measureBackfill(path)
  rmSync(path, { force: true })
  result.backfill = { size, result: measured }
  const times = (ms: number) => `${fmt(ms, 0)} (${fmt(ratio(ms, measured.baselineMs), 2)}x)`
  result.sections.push({
    title: `2b. Counts built for an existing database (${fmt(size, 0)} responses)`,
    rows: [
      ['what', 'ms', 'ratio to baseline'],
      ['baseline GROUP BY (as in section 2)', fmt(measured.baselineMs, 0), '1'],
      ['the response-counts migration (table + backfill)', fmt(measured.migrationMs, 0), fmt(ratio(measured.migrationMs, measured.baselineMs), 2)],
      ['its backfill as first written (grouped by the whole key)', fmt(measured.firstMs, 0), fmt(ratio(measured.firstMs, measured.baselineMs), 2)],
    ],
    notes: [
      `\`npm run bench -- --only=backfill --backfill-size=${size}\`: a generated database (as in ` +
        'section 2) whose counts table is dropped, then db/migrations/2026-11-26T02-00_response-counts.ts ' +
        'run on it as the migrator would (SQLite, WAL, synchronous=FULL), then the first backfill ' +
        '(tests/bench/first-backfill.ts) on the emptied table. The baseline is median of 3, on the same file.',
      `${fmt(measured.rows, 0)} count rows; the two give the same rows: ${measured.sameRows ? 'yes' : '**no**'}.`,
    ],
  })
  const share = ratio(measured.migrationMs, measured.baselineMs)
  result.targets.push({
    name: `counts built for an existing database <= 3x baseline GROUP BY (${fmt(size, 0)} responses)`,
    value: `${times(measured.migrationMs)}; first version ${times(measured.firstMs)}`,
    met: share <= 3 && measured.sameRows,
  })
}

async function page(result: BenchResult) {
  log('page weight: bare Vite build')
  const bare = await measureBarePage()
  const served = result.page!.served
  result.page = { served, bare }
  result.sections.push({
    title: '3. Respondent page weight',
    rows: [
      ['what', 'bytes on the wire', 'ratio to bare gzip'],
      ['bare Vite build, gzip -9 (baseline)', fmt(bare.gzipBytes, 0), '1'],
      ['respondent page as served, gzip', fmt(served.gzipBytes, 0), fmt(ratio(served.gzipBytes, bare.gzipBytes), 3)],
      ['respondent page as served, brotli', fmt(served.brBytes, 0), fmt(ratio(served.brBytes, bare.gzipBytes), 3)],
    ],
    notes: [
      `Served files (HTML, every asset it names and every chunk those load, the lazy SurveyJS ` +
        `screen included): ${served.files.map((f) => `${f.path} ${fmt(f.br, 0)} B ${f.encodingBr}`).join(', ')}.`,
      'The bare build imports the same survey-core, survey-react-ui, React and stylesheet ' +
        '(survey-core.fontless.min.css) and renders a one-question survey; its HTML, JS and CSS are gzipped at level 9.',
      `Admin markers (${['/api/admin', 'chart.js', 'DefinitionEditor'].join(', ')}…) in the respondent files: ${served.adminMarkers.length === 0 ? 'none' : served.adminMarkers.join(', ')}.`,
    ],
  })
  const gz = ratio(served.gzipBytes, bare.gzipBytes)
  result.targets.push(
    { name: 'page <= 1.05x bare build (gzip)', value: `${fmt(gz, 3)}x`, met: gz <= 1.05 },
    {
      name: 'brotli transfer smaller than bare gzip',
      value: `${fmt(served.brBytes, 0)} vs ${fmt(bare.gzipBytes, 0)} B`,
      met: served.brBytes < bare.gzipBytes,
    },
    { name: 'no admin code in the respondent page', value: served.adminMarkers.join(', ') || 'none found', met: served.adminMarkers.length === 0 },
  )
}

async function coldStart(options: BenchOptions, dir: string, result: BenchResult) {
  const size = Math.max(...options.sizes)
  const fullPath = join(dir, `aggregation-${size}.db`)
  const emptyPath = join(dir, 'cold-empty.db')
  await createSurveyDatabase(emptyPath)
  if (!result.aggregation) await generateResponses(fullPath, size, { variants: options.variants, seed: size })
  log('cold start')
  const emptyMs = await measureColdStart(SERVER_FULL, serverEnv(emptyPath), options.coldStartRuns)
  const fullMs = await measureColdStart(SERVER_FULL, serverEnv(fullPath), options.coldStartRuns)
  result.coldStart = { emptyMs, fullMs, responses: countStored(fullPath) }
  result.sections.push({
    title: '4. Cold start',
    rows: [
      ['database', 'spawn to first 200 ms', 'ratio'],
      ['no responses (baseline)', fmt(emptyMs, 0), '1'],
      [`${fmt(result.coldStart.responses, 0)} responses`, fmt(fullMs, 0), fmt(ratio(fullMs, emptyMs), 2)],
    ],
    notes: [
      `\`node ${SERVER_FULL.replace(REPO_ROOT, '')}\` until GET /api/surveys/${SURVEY_SLUG} answers 200 ` +
        `(polled every 5 ms), median of ${options.coldStartRuns} after an untimed first start.`,
    ],
  })
  const r = ratio(fullMs, emptyMs)
  result.targets.push({
    name: `cold start with ${fmt(result.coldStart.responses, 0)} responses (no scan)`,
    value: `${fmt(fullMs, 0)} vs ${fmt(emptyMs, 0)} ms empty (${fmt(r, 2)}x)`,
    met: r <= 1.5,
  })
}

export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const started = performance.now()
  const dir = mkdtempSync(join(tmpdir(), 'survey-bench-'))
  const result: BenchResult = { sections: [], targets: [], markdown: '' }
  try {
    log('building the server bundles')
    await buildServers()
    if (options.sections.has('submission') || options.sections.has('page')) {
      log('building the client')
      buildClient()
    }
    if (options.sections.has('submission') || options.sections.has('page')) {
      await submission(options, dir, result)
    }
    if (options.sections.has('page')) await page(result)
    if (options.sections.has('aggregation')) await aggregation(options, dir, result)
    if (options.sections.has('backfill')) await backfill(options, dir, result)
    if (options.sections.has('cold-start')) await coldStart(options, dir, result)
    if (options.sections.has('disclosure')) await disclosure(options.sizes, result, log)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  result.markdown = renderReport(result.sections, result.targets, {
    quick: options.quick,
    date: new Date(),
    totalSeconds: (performance.now() - started) / 1000,
  })
  if (options.outFile) writeFileSync(options.outFile, result.markdown)
  return result
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() as string)) {
  const options = parseOptions(process.argv.slice(2), join(REPO_ROOT, 'BENCHMARKS.md'))
  runBench(options)
    .then((result) => {
      console.log(result.markdown)
      if (options.outFile) log(`written to ${options.outFile}`)
    })
    .catch((error) => {
      console.error(error)
      process.exit(1)
    })
}
