// Which questionnaires the compiled validator takes (server/domain/fast-validate), and what a
// submission costs on each path: the public conformance surveys, the bundled survey and the
// definitions the property tests write for each feature. Answers: none (`{}`), which both paths
// check in full (every required question reported), so the figure is the path's own cost.
//
//   npx tsx tests/bench/compiled-coverage.ts [--rounds=5]
import { readdirSync, readFileSync } from 'node:fs'
import { compileReport } from '../../server/domain/fast-validate/index.js'
import { validateAnswers } from '../../server/domain/validate-answers.js'
import * as subset from '../domain/fixtures/compiled-subset.js'
import { bundledDefinition } from './answers.js'

const CONFORMANCE = new URL('../domain/fixtures/conformance/', import.meta.url)
const rounds = Number(process.argv.find((a) => a.startsWith('--rounds='))?.slice(9) ?? 5)

function microseconds(definition: object, engine: 'auto' | 'survey-core', runs: number) {
  const times: number[] = []
  for (let round = 0; round < rounds; round++) {
    const start = process.hrtime.bigint()
    for (let i = 0; i < runs; i++) validateAnswers(definition, {}, { engine })
    times.push(Number(process.hrtime.bigint() - start) / 1000 / runs)
  }
  return times.sort((a, b) => a - b)[times.length >> 1]
}

const surveys: [string, object][] = [
  ['bundled (surveys/counter-trafficking.json)', bundledDefinition()],
  ...readdirSync(CONFORMANCE)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file): [string, object] => [
      file,
      JSON.parse(readFileSync(new URL(file, CONFORMANCE), 'utf8')),
    ]),
  ...Object.entries(subset)
    .filter(([, value]) => typeof value === 'object' && value !== null && 'elements' in value)
    .map(([name, value]): [string, object] => [`fixture ${name}`, value as object]),
]

console.log('| questionnaire | compiled | survey-core path | compiled path | ratio |')
console.log('| --- | --- | --- | --- | --- |')
let compiled = 0
for (const [label, definition] of surveys) {
  const { reason } = compileReport(definition)
  const slow = microseconds(definition, 'survey-core', 5)
  if (reason) {
    const why = reason.replace(/\|/g, '\\|')
    console.log(`| ${label} | no: ${why} | ${(slow / 1000).toFixed(1)} ms | - | - |`)
    continue
  }
  compiled++
  validateAnswers(definition, {}) // compiles once, outside the timing
  const fast = microseconds(definition, 'auto', 200)
  const ratio = (fast / slow).toFixed(4)
  const cells = [`${(slow / 1000).toFixed(1)} ms`, `${fast.toFixed(1)} µs`, ratio]
  console.log(`| ${label} | yes | ${cells.join(' | ')} |`)
}
console.log(`\n${compiled} of ${surveys.length} compiled.`)
