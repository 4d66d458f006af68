// The knowledge figures of one release with and without its level tables, in one run (issue 22):
//   npx tsx tests/bench/levels-knowledge.ts [responses=20000] [repeats=5]
// Prints the median ms of GET /knowledge's computation (readKnowledgeRelease: SQL reads, then
// every table's figures) for the release's publication as made (with region.area) and with the
// level's dimension and tables left out, on the same responses, and their ratio.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createSqliteDb } from '../../db/connection.js'
import { findOpenSurvey } from '../../db/queries/surveys.js'
import type { Publication } from '../../server/domain/suppression/index.js'
import { readKnowledgeRelease } from '../../server/knowledge/query.js'
import { makeRelease } from '../../server/results/releases.js'
import { SURVEY_SLUG } from './answers.js'
import { generateResponses } from './generate.js'

const [responses = 20_000, repeats = 5] = process.argv.slice(2).map(Number)
const dir = mkdtempSync(join(tmpdir(), 'levels-knowledge-bench-'))
try {
  const path = join(dir, 'bench.db')
  await generateResponses(path, responses, { variants: 200, seed: 22 })
  const db = createSqliteDb(path)
  const survey = (await findOpenSurvey(db, SURVEY_SLUG))!
  const options = { kind: 'interim' as const, minGroupSize: 5, today: '2026-12-05' }
  const releaseNo = await makeRelease(db, survey, options)
  const row = await db
    .selectFrom('releases')
    .select('publication')
    .where('number', '=', releaseNo)
    .executeTakeFirstOrThrow()
  const withLevels = JSON.parse(row.publication) as Publication
  const levels = new Set(withLevels.dimensions.filter((d) => d.level).map((d) => d.name))
  const without: Publication = {
    ...withLevels,
    dimensions: withLevels.dimensions.filter((d) => !levels.has(d.name)),
    tables: withLevels.tables.filter((t) => !t.by.some((name) => levels.has(name))),
  }
  const cases = { 'with levels': withLevels, 'without levels': without }
  const times = new Map<string, number[]>(Object.keys(cases).map((name) => [name, []]))
  // Interleaved, so a busy moment of the shared machine falls on both alike.
  for (let i = 0; i < repeats; i++) {
    for (const [name, publication] of Object.entries(cases)) {
      const started = performance.now()
      await readKnowledgeRelease(db, survey, releaseNo, publication)
      times.get(name)!.push(performance.now() - started)
    }
  }
  await db.destroy()
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
  const base = median(times.get('without levels')!)
  console.log(`${responses} responses; tables ${without.tables.length} -> ${withLevels.tables.length}`)
  for (const [name, ms] of times) {
    console.log(`${name}: ${median(ms).toFixed(1)} ms (${(median(ms) / base).toFixed(2)}x)`)
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}
