// Runs in its own process so its peak RSS is the aggregation's alone. Prints one JSON line.
import { readFileSync } from 'node:fs'
import { sql } from 'kysely'
import { createSqliteDb } from '../../../db/connection.js'
import { findOpenSurvey } from '../../../db/queries/surveys.js'
import { createDefinitionFacts } from '../../../server/results/definition-facts.js'
import type { Publication } from '../../../server/domain/suppression/index.js'
import { readDimensions } from '../../../server/domain/dimensions.js'
import { makeRelease, publicationFor, readAggregates } from '../../../server/results/releases.js'

const [path, slug, repeats] = process.argv.slice(2)
const BY = ['sector', 'region']

const timed = async <T>(work: () => Promise<T>) => {
  const started = performance.now()
  const value = await work()
  return { ms: performance.now() - started, value }
}
// VmHWM, not resourceUsage().maxRSS: on Linux maxRSS keeps the parent's peak across fork and
// exec, so it would report the generator's memory instead of this process's.
function rssMb(): number {
  const status = readFileSync('/proc/self/status', 'utf8').match(/VmHWM:\s+(\d+) kB/)
  return status ? Number(status[1]) / 1024 : process.resourceUsage().maxRSS / 1024
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

async function repeat<T>(times: number, work: () => Promise<T>) {
  const runs = []
  for (let i = 0; i < times; i++) runs.push(await timed(work))
  return { ms: median(runs.map((run) => run.ms)), value: runs[0].value }
}

const db = createSqliteDb(path)
const survey = await findOpenSurvey(db, slug)
if (!survey) throw new Error(`no open survey ${slug}`)
const times = Number(repeats)

// The baseline: respondents per sector x region, one hand-written GROUP BY, served by the
// (question, value) index the schema no longer keeps (migration 2026-12-04T22-00): built here
// for the baseline alone and dropped before the release, so the baseline is as fast as before.
await sql`create index bench_baseline_question_value on response_values (question, value, response_id)`.execute(db)
const baseline = await repeat(3, async () =>
  (
    await sql<{ sector: string; region: string; n: number }>`
      select s.value as sector, r.value as region, count(*) as n
      from response_values s
      join response_values r on r.response_id = s.response_id and r.question = 'region'
        and r.item = ''
      where s.question = 'sector' and s.item = ''
      group by s.value, r.value`.execute(db)
  ).rows,
)

await sql`drop index bench_baseline_question_value`.execute(db)
const rssAfterBaseline = rssMb()
// A release: claim every response, count the groups, plan suppression, store the publication.
const release = await timed(() =>
  makeRelease(db, survey, { kind: 'interim', minGroupSize: 5, today: '2026-12-01' }),
)
const rssAfterRelease = rssMb()
const stored = await db
  .selectFrom('releases')
  .select('publication')
  .where('number', '=', release.value)
  .executeTakeFirstOrThrow()
const publication = JSON.parse(stored.publication) as Publication
// The computation inside the release alone: count the groups and plan suppression (no claiming).
const { dimensions } = readDimensions(JSON.parse(survey.definition))
const planning = await repeat(3, () =>
  publicationFor(db, { surveyId: survey.surveyId, releaseNo: release.value }, dimensions, 5, []),
)
const { kinds } = createDefinitionFacts()(survey.versionId, survey.definition)
// What GET /aggregates?by=sector,region does once the release exists.
const aggregates = await repeat(times, () =>
  readAggregates(db, survey, { by: BY, releaseNo: release.value, publication, kinds }),
)
await db.destroy()

const counted = baseline.value.reduce((sum, row) => sum + Number(row.n), 0)
const total = aggregates.value.total as { n?: number }
console.log(
  JSON.stringify({
    baselineMs: baseline.ms,
    releaseMs: release.ms,
    planMs: planning.ms,
    aggregatesMs: aggregates.ms,
    baselineRespondents: counted,
    releasedRespondents: total.n ?? null,
    groups: aggregates.value.groups.length,
    rssAfterBaselineMb: rssAfterBaseline,
    rssAfterReleaseMb: rssAfterRelease,
    maxRssMb: rssMb(),
  }),
)
