// Reading aggregates by a level beside the real dimensions, on one release, in one run (issue 22):
//   npx tsx tests/bench/levels-read.ts [responses=100000] [repeats=5]
// Prints the median ms of GET /aggregates' computation (readAggregates) per `by`, and each ratio
// to by=sector,region (the benchmarked query). The bundled questionnaire declares region.area.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createSqliteDb } from '../../db/connection.js'
import { findOpenSurvey } from '../../db/queries/surveys.js'
import type { Publication } from '../../server/domain/suppression/index.js'
import { createDefinitionFacts } from '../../server/results/definition-facts.js'
import { makeRelease, readAggregates } from '../../server/results/releases.js'
import { SURVEY_SLUG } from './answers.js'
import { generateResponses } from './generate.js'

const [responses = 100_000, repeats = 5] = process.argv.slice(2).map(Number)
const dir = mkdtempSync(join(tmpdir(), 'levels-bench-'))
const path = join(dir, 'bench.db')
try {
  await generateResponses(path, responses, { variants: 200, seed: 22 })
  const db = createSqliteDb(path)
  const survey = (await findOpenSurvey(db, SURVEY_SLUG))!
  const releaseNo = await makeRelease(db, survey, { kind: 'interim', minGroupSize: 5, today: '2026-12-05' })
  const row = await db.selectFrom('releases').select('publication').where('number', '=', releaseNo).executeTakeFirstOrThrow()
  const publication = JSON.parse(row.publication) as Publication
  const { kinds } = createDefinitionFacts()(survey.versionId, survey.definition)
  const groupings = [['sector', 'region'], ['sector', 'region.area'], ['region'], ['region.area']]
  const times = new Map<string, number[]>(groupings.map((by) => [by.join(','), []]))
  // Interleaved, so a busy moment of the shared machine falls on every grouping alike.
  for (let i = 0; i < repeats; i++) {
    for (const by of groupings) {
      const started = performance.now()
      await readAggregates(db, survey, { by, releaseNo, publication, kinds })
      times.get(by.join(','))!.push(performance.now() - started)
    }
  }
  await db.destroy()
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
  const base = median(times.get('sector,region')!)
  for (const [by, ms] of times) {
    console.log(`by=${by}: ${median(ms).toFixed(1)} ms (${(median(ms) / base).toFixed(2)}x)`)
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}
