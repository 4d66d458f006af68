// A public report page and the knowledge figures behind it, at a size (issue 22 follow-up):
//   npx tsx tests/bench/report-page.ts [responses=20000] [repeats=3] [--before=<commit>]
// Prints the median ms of each step of a release's knowledge figures (the SQL counts, the
// respondents' read, the computation with and without the statistics filter) and of GET /r/:id
// (first view, then the views after it). With --before, the same steps of that commit's code
// (its server/ and db/ extracted to a temporary folder) run interleaved on the same database, so
// the before/after ratios come from one run on one machine.
import { execSync } from 'node:child_process'
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createSqliteDb } from '../../db/connection.js'
import { saveReport } from '../../db/queries/reports.js'
import { findOpenSurvey } from '../../db/queries/surveys.js'
import { makeRelease } from '../../server/results/releases.js'
import { SURVEY_SLUG } from './answers.js'
import { generateResponses } from './generate.js'

const args = process.argv.slice(2)
const before = args.find((a) => a.startsWith('--before='))?.slice('--before='.length)
const [responses = 20_000, repeats = 3] = args.filter((a) => !a.startsWith('--')).map(Number)
const root = resolve(import.meta.dirname, '../..')
const dir = mkdtempSync(join(tmpdir(), 'report-page-bench-'))

/** The code under test: this tree's, or a commit's extracted beside it. */
async function codeOf(tree: string) {
  const load = (path: string) => import(join(tree, path))
  return {
    connection: await load('db/connection.ts'),
    queries: await load('db/queries/knowledge.ts'),
    definition: await load('server/knowledge/definition.ts'),
    compute: await load('server/knowledge/compute.ts'),
    statistics: await load('server/domain/suppression/statistics.ts'),
    releases: await load('db/queries/releases.ts'),
    app: await load('server/app.ts'),
  }
}
type Code = Awaited<ReturnType<typeof codeOf>>

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
async function time<T>(into: number[], run: () => Promise<T> | T): Promise<T> {
  const started = performance.now()
  const result = await run()
  into.push(performance.now() - started)
  return result
}

try {
  const path = join(dir, 'bench.db')
  await generateResponses(path, responses, { variants: 200, seed: 22 })
  const setupDb = createSqliteDb(path)
  const survey = (await findOpenSurvey(setupDb, SURVEY_SLUG))!
  const options = { kind: 'interim' as const, minGroupSize: 5, today: '2026-12-05' }
  const releaseNo = await makeRelease(setupDb, survey, options)
  const input = { id: 'BenchReportId012345678', surveyId: survey.surveyId, releaseNo }
  const report = await saveReport(setupDb, { ...input, options: '{}' })
  await setupDb.destroy()

  const trees: [string, string][] = [['after', root]]
  if (before) {
    const old = join(dir, 'before')
    execSync(`mkdir -p ${old} && git -C ${root} archive ${before} server db package.json | tar -x -C ${old}`)
    symlinkSync(join(root, 'node_modules'), join(old, 'node_modules'))
    trees.unshift(['before', old])
  }
  const steps = ['SQL counts', 'SQL respondents', 'compute', 'compute, no statistics filter']
  const pageSteps = ['GET /r/:id, first view', 'GET /r/:id, later views']
  const times = new Map<string, number[]>()
  const slot = (name: string, step: string) =>
    times.get(`${name}|${step}`) ?? times.set(`${name}|${step}`, []).get(`${name}|${step}`)!
  const codes = new Map<string, Code>()
  for (const [name, tree] of trees) codes.set(name, await codeOf(tree))

  // Interleaved, so a busy moment of the shared machine falls on both alike.
  for (let i = 0; i < repeats; i++) {
    for (const [name] of trees) {
      const code = codes.get(name)!
      const db = code.connection.createSqliteDb(path)
      const [stored] = await code.releases.listReleases(db, survey.surveyId)
      const publication = JSON.parse(stored.publication)
      const { items, rating } = code.definition.knowledgeDefinition(JSON.parse(survey.definition))
      const dims = publication.dimensions.filter((d: { level?: unknown }) => !d.level)
      const scope = {
        surveyId: survey.surveyId,
        releaseNo,
        dims: dims.map((d: { name: string }) => d.name),
        items,
        rating: rating?.question,
      }
      const counts = await time(slot(name, steps[0]), () => code.queries.knowledgeCounts(db, scope))
      const respondents = await time(slot(name, steps[1]), () =>
        code.queries.knowledgeRespondents(db, scope),
      )
      const withStatistics = (by: readonly string[]) =>
        code.statistics.cellsWithStatistics([publication], releaseNo, by)
      const knowledge = { publication, items, rating, respondents, counts }
      await time(slot(name, steps[2]), () => code.compute.computeKnowledge({ ...knowledge, withStatistics }))
      await time(slot(name, steps[3]), () => code.compute.computeKnowledge(knowledge))

      // A fresh app each round: its first view computes, the ones after it may not.
      const app = code.app.createApp({ db, config: { clientDir: join(root, 'dist', 'client') } })
      for (let view = 0; view < 3; view++) {
        const res = await time(slot(name, pageSteps[view === 0 ? 0 : 1]), () =>
          app.request(`/r/${report.id}?lang=en`),
        )
        if (res.status !== 200) throw new Error(`${name}: GET /r/:id answered ${res.status}`)
        await res.text()
      }
      await db.destroy()
    }
  }

  console.log(`${responses} responses, ${repeats} rounds, median ms${before ? ` (before: ${before})` : ''}`)
  const names = trees.map(([name]) => name)
  console.log(['step', ...names, ...(before ? ['after / before'] : [])].join(' | '))
  for (const step of [...steps, ...pageSteps]) {
    const ms = names.map((name) => median(times.get(`${name}|${step}`)!))
    const ratio = before ? [(ms[1] / ms[0]).toFixed(3)] : []
    console.log([step, ...ms.map((m) => m.toFixed(1)), ...ratio].join(' | '))
  }
  const page = (name: string) => median(times.get(`${name}|${pageSteps[0]}`)!)
  const later = (name: string) => median(times.get(`${name}|${pageSteps[1]}`)!)
  console.log(`later view / first view, after: ${(later('after') / page('after')).toFixed(4)}`)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
