/**
 * What a level costs a release's planning and audit: planRelease (plan + HiGHS span audit) and
 * checkRelease on the bundled survey's dimensions, with and without the collaborative areas,
 * for skewed respondents, interleaved in one run. Usage: npx tsx tests/bench/levels-release.ts [responses] [runs]
 */
import { readFileSync } from 'node:fs'
import { readDimensions } from '../../server/domain/dimensions.js'
import { checkRelease, type CountRow, type Dimension } from '../../server/domain/suppression/index.js'
import { planRelease } from '../../server/domain/suppression/plan-release.js'
import { createSolver } from '../../server/domain/suppression/solver.js'
import { seededRandom } from './random.js'

const responses = Number(process.argv[2] ?? 300)
const runs = Number(process.argv[3] ?? 3)
const definition = JSON.parse(readFileSync('surveys/counter-trafficking.json', 'utf8'))
const { dimensions, levels } = readDimensions(definition)
const real: Dimension[] = dimensions.map((d) => ({ name: d.name, values: d.values }))
const withArea: Dimension[] = [
  ...real,
  ...levels.map((l) => ({
    name: l.name,
    values: l.groups.map((g) => g.value),
    level: { of: l.of, groups: Object.fromEntries(l.groups.map((g) => [g.value, g.members])) },
  })),
]
const random = seededRandom(7)
// Skewed: a few sectors, regions and professions hold most respondents.
const pick = (values: readonly string[]) => values[Math.floor(values.length * random() ** 2.5)]
const cells = new Map<string, CountRow>()
for (let i = 0; i < responses; i++) {
  const key = Object.fromEntries(real.map((d) => [d.name, pick(d.values)]))
  const id = JSON.stringify(key)
  cells.set(id, { key, n: (cells.get(id)?.n ?? 0) + 1 })
}
const counts = [...cells.values()]
const highs = await createSolver()
const time = (dims: Dimension[]) => {
  const start = performance.now()
  const planned = planRelease(highs, { minGroupSize: 5, dimensions: dims, cumulative: [counts] }, [])
  if (planned.ok) checkRelease([], planned.publication)
  return performance.now() - start
}
const results: Record<string, number[]> = { without: [], with: [] }
for (let r = 0; r < runs; r++) {
  results.without.push(time(real))
  results.with.push(time(withArea))
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const [a, b] = [median(results.without), median(results.with)]
console.log(`${responses} responses, ${runs} runs: without levels ${a.toFixed(0)} ms, with the areas ${b.toFixed(0)} ms (${(b / a).toFixed(2)}x)`)
