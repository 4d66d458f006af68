// Microseconds per response for answer validation of the bundled survey, in this process (no
// server, no database): validateAnswers (the compiled path; the script checks it is taken) and
// prepareResponse (validation plus flattening and quiz rows), on the request bodies
// tests/bench/run.ts posts. Median over rounds; every round runs each body once.
//
//   npx tsx tests/bench/validation-speed.ts [--rounds=15] [--bodies=200] [--compare=<dir>]
//
// --compare=<dir>: another copy of the project's server/ (e.g. an older commit unpacked with
// `git archive <commit> server | tar -x -C <dir>` and node_modules linked into it), measured in
// the same process, alternating round by round with this checkout, so a busy machine slows both.
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { answerGenerator, bundledDefinition } from './answers.js'

type Validate = (definition: object, answers: unknown) => { ok: boolean }
type Prepare = (
  version: { definition: Record<string, unknown>; locales: string[] },
  submission: { answers: Record<string, unknown>; locale?: string },
) => { ok: boolean }
type Compiled = (definition: object) => ((answers: unknown, max: number) => unknown) | null

interface Subject {
  label: string
  validate: Validate
  prepare: Prepare
  /** Its own definition object: the compiled validator is cached per object. */
  definition: Record<string, unknown>
  times: { validate: number[]; prepare: number[] }
}

const option = (name: string, fallback: string) =>
  process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback

async function load(label: string, root: string): Promise<Subject> {
  const url = (path: string) => pathToFileURL(resolve(root, path)).href
  const { validateAnswers } = await import(url('server/domain/validate-answers.ts'))
  const { prepareResponse } = await import(url('server/domain/prepare-response.ts'))
  const { compiledValidator } = await import(url('server/domain/fast-validate/index.ts'))
  const definition = bundledDefinition()
  if (!(compiledValidator as Compiled)(definition)) throw new Error(`${label}: not compiled`)
  return {
    label,
    validate: validateAnswers,
    prepare: prepareResponse,
    definition,
    times: { validate: [], prepare: [] },
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/** Microseconds per body for one pass over all bodies. */
function time(run: (answers: Record<string, unknown>, locale: string) => { ok: boolean }, bodies: Body[]) {
  const start = process.hrtime.bigint()
  for (const body of bodies) {
    if (!run(body.answers, body.locale).ok) throw new Error('a valid body was refused')
  }
  return Number(process.hrtime.bigint() - start) / 1000 / bodies.length
}

interface Body {
  answers: Record<string, unknown>
  locale: string
}

async function main() {
  const rounds = Number(option('rounds', '15'))
  const count = Number(option('bodies', '200'))
  const generator = answerGenerator(bundledDefinition(), 1)
  const locales = ['fi', 'sv', 'en']
  // As the server sees them: parsed from the JSON text of each request body.
  const bodies: Body[] = Array.from({ length: count }, (_, i) =>
    JSON.parse(JSON.stringify({ answers: generator.answers(), locale: locales[i % 3] })),
  )
  const subjects = [await load('this checkout', process.cwd())]
  const other = option('compare', '')
  if (other) subjects.unshift(await load(`compare (${other})`, other))

  const locale = { locales: ['fi', 'sv', 'en'] }
  const runs = (s: Subject) => ({
    validate: (answers: Record<string, unknown>) => s.validate(s.definition, answers),
    prepare: (answers: Record<string, unknown>, loc: string) =>
      s.prepare({ definition: s.definition, ...locale }, { answers, locale: loc }),
  })
  for (let round = -3; round < rounds; round++) {
    // negative rounds warm up the JIT and the caches and are not counted
    for (const s of round % 2 ? subjects : [...subjects].reverse()) {
      const { validate, prepare } = runs(s)
      const v = time(validate, bodies)
      const p = time(prepare, bodies)
      if (round >= 0) {
        s.times.validate.push(v)
        s.times.prepare.push(p)
      }
    }
  }
  console.log(`${count} bodies, ${rounds} rounds, median microseconds per response (min-max)`)
  for (const s of subjects) {
    const fmt = (t: number[]) =>
      `${median(t).toFixed(1)} (${Math.min(...t).toFixed(1)}-${Math.max(...t).toFixed(1)})`
    console.log(
      `${s.label.padEnd(24)} validateAnswers ${fmt(s.times.validate)}  prepareResponse ${fmt(s.times.prepare)}`,
    )
  }
}

await main()
