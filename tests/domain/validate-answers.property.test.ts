import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { Model, type Question } from 'survey-core'
import { describe, expect, it } from 'vitest'
import { validateAnswers, type AnswerValidation } from '../../server/domain/validate-answers'
import { VALID_ANSWERS } from './fixtures/conformance-answers'

const DIR = fileURLToPath(new URL('./fixtures/conformance/', import.meta.url))
const TIMEOUT = 600_000
// FC_RUNS=2000 for a deeper local run; the default keeps the suite around ten seconds
const RUNS = Number(process.env.FC_RUNS) || 150

const CODES = new Set([
  'unknown_question',
  'invalid_type',
  'invalid_choice',
  'out_of_range',
  'invalid_number',
  'invalid_date',
  'invalid_email',
  'invalid_url',
  'invalid_format',
  'too_long',
  'required',
  'validator',
  'invalid_shape',
  'not_an_object',
  'too_many_issues',
])

// A spread of question types, logic and sizes; the heaviest matrices are left to conformance.
const SURVEYS = [
  '03-software-developer-localized.json',
  '04-computer-survey-validators.json',
  '09-smartphone-features-ranking.json',
  '12-requiredif-conditions.json',
  '13-car-types-visible-triggers.json',
  '14-medical-eligibility-screening.json',
  '16-employee-skills-expression-validator.json',
  '19-all-types-localized-nl.json',
  '21-insurance-claim.json',
  '24-fhir-sample-inputs.json',
]
const DEFINITIONS = new Map(
  SURVEYS.map((file) => [file, JSON.parse(readFileSync(DIR + file, 'utf8')) as object]),
)

/** Keys a respondent may send, derived independently from survey-core's question list. */
function knownKeys(definition: object): Set<string> {
  const survey = new Model(definition)
  const keys = new Set<string>()
  for (const q of survey.getAllQuestions(false, false, false) as Question[]) {
    if (['html', 'image'].includes(q.getType())) continue
    keys.add(q.getValueName())
    if (q.showOtherItem || q.showCommentArea) keys.add(`${q.getValueName()}-Comment`)
  }
  for (const calculated of survey.calculatedValues) {
    if (calculated.includeIntoResult) keys.add(calculated.name)
  }
  return keys
}
const KNOWN = new Map(SURVEYS.map((file) => [file, knownKeys(DEFINITIONS.get(file)!)]))

function expectWellFormed(outcome: AnswerValidation, input: unknown, known: Set<string>) {
  if (outcome.ok) {
    for (const key of Object.keys(outcome.answers)) expect(known.has(key), key).toBe(true)
    for (const key of Object.keys(input as object)) expect(known.has(key), key).toBe(true)
    expect(JSON.parse(JSON.stringify(outcome.answers))).toEqual(outcome.answers)
    return
  }
  expect(outcome.issues.length).toBeGreaterThan(0)
  for (const issue of outcome.issues) {
    expect(CODES.has(issue.code), issue.code).toBe(true)
    expect(typeof issue.question).toBe('string')
    expect(issue.message).toMatch(/\S/)
  }
}

const survey = fc.constantFrom(...SURVEYS)
const jsonValue = fc.jsonValue({ maxDepth: 4 })

describe('random answers', () => {
  it('never throw, and only non-objects give not_an_object', { timeout: TIMEOUT }, () => {
    fc.assert(
      fc.property(survey, fc.oneof(jsonValue, fc.anything({ maxDepth: 3 })), (file, answers) => {
        const outcome = validateAnswers(DEFINITIONS.get(file)!, answers)
        expectWellFormed(outcome, {}, KNOWN.get(file)!)
        const isObject = typeof answers === 'object' && answers !== null && !Array.isArray(answers)
        if (!isObject)
          expect(outcome).toMatchObject({ ok: false, issues: [{ code: 'not_an_object' }] })
      }),
      { numRuns: RUNS },
    )
  })

  it('are never accepted with unknown keys', { timeout: TIMEOUT }, () => {
    const key = (file: string) =>
      fc.oneof(
        fc.constantFrom(...KNOWN.get(file)!),
        fc.constantFrom('__proto__', 'constructor', 'toString', 'prototype', 'x-Comment', ''),
        fc.string({ maxLength: 12 }),
      )
    const answers = survey.chain((file) =>
      fc.tuple(fc.constant(file), fc.dictionary(key(file), jsonValue, { maxKeys: 6 })),
    )
    fc.assert(
      fc.property(answers, ([file, input]) => {
        const outcome = validateAnswers(DEFINITIONS.get(file)!, input)
        expectWellFormed(outcome, input, KNOWN.get(file)!)
      }),
      { numRuns: RUNS },
    )
  })
})

type Mutation = (answers: Record<string, unknown>, key: string, extra: unknown) => void

/** Edits a valid answer set the way a buggy or hostile client might. */
const MUTATIONS: Record<string, Mutation> = {
  remove: (a, k) => void delete a[k],
  replace: (a, k, extra) => void (a[k] = extra),
  nullify: (a, k) => void (a[k] = null),
  stringify: (a, k) => void (a[k] = typeof a[k] === 'string' ? a[k] : JSON.stringify(a[k])),
  numberToString: (a, k) => void (a[k] = typeof a[k] === 'number' ? String(a[k]) : a[k]),
  wrapInArray: (a, k) => void (a[k] = [a[k]]),
  appendToArray: (a, k, extra) => void (Array.isArray(a[k]) && (a[k] as unknown[]).push(extra)),
  duplicateFirst: (a, k) =>
    void (Array.isArray(a[k]) && (a[k] as unknown[]).push((a[k] as unknown[])[0])),
  nestedReplace: (a, k, extra) => {
    const value = a[k]
    if (value && typeof value === 'object') {
      const inner = Object.keys(value)[0]
      if (inner !== undefined) (value as Record<string, unknown>)[inner] = extra
    }
  },
  moveToOtherKey: (a, k) => {
    const keys = Object.keys(a)
    const target = keys[(keys.indexOf(k) + 1) % keys.length]
    a[target] = a[k]
  },
}

const mutated = survey.chain((file) => {
  const valid = VALID_ANSWERS[file]
  const keys = Object.keys(valid)
  const step = fc.tuple(
    fc.constantFrom(...Object.keys(MUTATIONS)),
    fc.constantFrom(...keys),
    jsonValue,
  )
  return fc.tuple(fc.constant(file), fc.array(step, { minLength: 1, maxLength: 3 }))
})

describe('mutations of valid answer sets', () => {
  it(
    'never throw, and accepted results are stable when validated again',
    { timeout: TIMEOUT },
    () => {
      fc.assert(
        fc.property(mutated, ([file, steps]) => {
          const answers = structuredClone(VALID_ANSWERS[file])
          for (const [name, key, extra] of steps) MUTATIONS[name](answers, key, extra)
          const definition = DEFINITIONS.get(file)!
          const outcome = validateAnswers(definition, answers)
          expectWellFormed(outcome, answers, KNOWN.get(file)!)
          if (outcome.ok) {
            expect(validateAnswers(definition, outcome.answers)).toEqual(outcome)
          }
        }),
        { numRuns: RUNS },
      )
    },
  )

  it(
    'cleaned answers of every valid set validate to themselves (idempotence)',
    { timeout: TIMEOUT },
    () => {
      for (const file of SURVEYS) {
        const outcome = validateAnswers(DEFINITIONS.get(file)!, VALID_ANSWERS[file])
        expect(outcome.ok).toBe(true)
        if (outcome.ok)
          expect(validateAnswers(DEFINITIONS.get(file)!, outcome.answers)).toEqual(outcome)
      }
    },
  )
})
