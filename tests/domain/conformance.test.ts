// Conformance: 25 public SurveyJS definitions (tests/domain/fixtures/conformance, see SOURCES.md
// there) must load, accept a hand-made valid answer set and reject generated corruptions of it.
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Model, type Question } from 'survey-core'
import { describe, expect, it } from 'vitest'
import { validateAnswers } from '../../server/domain/validate-answers'
import { scoreQuiz } from '../../server/domain/score-quiz'
import { VALID_ANSWERS } from './fixtures/conformance-answers'

const DIR = fileURLToPath(new URL('./fixtures/conformance/', import.meta.url))
const FILES = readdirSync(DIR)
  .filter((file) => file.endsWith('.json'))
  .sort()
const SLOW = 120_000

const CHOICE_TYPES = new Set([
  'radiogroup',
  'dropdown',
  'buttongroup',
  'imagepicker',
  'rating',
  'boolean',
])
const ARRAY_CHOICE_TYPES = new Set(['checkbox', 'tagbox', 'ranking'])
const DATA_URL_TYPES = new Set(['signaturepad', 'file'])

function load(file: string): object {
  return JSON.parse(readFileSync(DIR + file, 'utf8')) as object
}

function questionsByKey(definition: object): Map<string, Question> {
  const survey = new Model(definition)
  const map = new Map<string, Question>()
  for (const question of survey.getAllQuestions(false, false, false) as Question[]) {
    if (!map.has(question.getValueName())) map.set(question.getValueName(), question)
  }
  return map
}

/** A value of a different JSON kind than the valid one. */
function wrongKind(value: unknown): unknown {
  if (Array.isArray(value)) return 'not an array'
  if (typeof value === 'object' && value !== null) return ['not', 'an', 'object']
  return { not: 'a scalar' }
}

/** Visible, editable, required questions answered in the cleaned set (survey-core does not
 * validate read-only questions: `11` is read-only with a default value). */
function requiredKeys(definition: object, cleaned: Record<string, unknown>): string[] {
  const survey = new Model(definition)
  survey.data = cleaned
  return (survey.getAllQuestions(true, false, false) as Question[])
    .filter((q) => q.isRequired && !q.isReadOnly && q.isParentVisible)
    .map((q) => q.getValueName())
    .filter((key) => Object.hasOwn(cleaned, key))
}

function expectRejected(
  definition: object,
  answers: Record<string, unknown>,
  key: string,
  codes: string[],
) {
  const outcome = validateAnswers(definition, answers)
  const label = `${key} in ${JSON.stringify(answers).slice(0, 200)}`
  expect(outcome.ok, label).toBe(false)
  if (outcome.ok) return
  const mine = outcome.issues.filter(
    (issue) =>
      issue.question === key ||
      issue.question.startsWith(`${key}.`) ||
      issue.question.startsWith(`${key}[`),
  )
  expect(mine.length, `${label}: ${JSON.stringify(outcome.issues)}`).toBeGreaterThan(0)
  for (const issue of mine)
    expect(codes, `${label}: ${JSON.stringify(issue)}`).toContain(issue.code)
  for (const issue of outcome.issues) expect(issue.message.length).toBeGreaterThan(10)
}

it('has a valid answer set for each of the 25 surveys', () => {
  expect(FILES).toHaveLength(25)
  expect(Object.keys(VALID_ANSWERS).sort()).toEqual(FILES)
})

/** The top-level keys of the cleaned answers a corruption applies to, with the corrupt value. */
type Cases = [key: string, corrupt: unknown][]

function unlistedChoice(type: string, value: unknown): unknown {
  if (CHOICE_TYPES.has(type)) return 'not-a-choice'
  if (ARRAY_CHOICE_TYPES.has(type) && Array.isArray(value)) return [...value, 'not-a-choice']
  if (type === 'matrix') return { ...(value as object), [Object.keys(value as object)[0]]: 'nope' }
  return undefined
}

describe.each(FILES)('%s', (file) => {
  const definition = load(file)
  const valid = VALID_ANSWERS[file]
  const questions = questionsByKey(definition)
  const outcome = validateAnswers(definition, valid)
  const cleaned: Record<string, unknown> = outcome.ok ? outcome.answers : {}
  const typeOf = (key: string) => questions.get(key)?.getType() ?? ''
  const keys = Object.keys(cleaned)

  // Generated only for the kinds of question a survey has: a test with no case checks nothing.
  const corruptions: Record<string, { codes: string[]; base: object; cases: Cases }> = {
    // computed values (expression): whatever the client sends is ignored
    'a wrong JSON kind for every answered question': {
      codes: ['invalid_type', 'invalid_shape', 'unknown_question'],
      base: valid,
      cases: keys
        .filter((key) => questions.has(key) && typeOf(key) !== 'expression')
        .map((key) => [key, wrongKind(cleaned[key])]),
    },
    'an unlisted choice for every kept choice question': {
      codes: ['invalid_choice', 'invalid_type'],
      base: cleaned,
      cases: keys
        .map((key): [string, unknown] => [key, unlistedChoice(typeOf(key), cleaned[key])])
        .filter(([, corrupt]) => corrupt !== undefined),
    },
    'oversized text anywhere at the top level': {
      codes: ['too_long'],
      base: cleaned,
      cases: keys
        .filter((key) => typeof cleaned[key] === 'string' && typeOf(key) !== '')
        .filter((key) => !DATA_URL_TYPES.has(typeOf(key)) && typeOf(key) !== 'expression')
        .map((key) => [key, 'x'.repeat(5001)]),
    },
  }

  it('loads in survey-core with at most unknown-property notes', () => {
    const survey = new Model(definition)
    expect(survey.getAllQuestions().length).toBeGreaterThan(0)
    for (const error of survey.jsonErrors ?? []) expect(error.message).toMatch(/^Unknown property/)
  })

  it('accepts the valid answer set, and its cleaned answers again unchanged', () => {
    expect(outcome.ok ? [] : outcome.issues).toEqual([])
    expect(Object.keys(cleaned).length).toBeGreaterThan(0)
    const again = validateAnswers(definition, cleaned)
    expect(again).toEqual({ ok: true, answers: cleaned, quiz: scoreQuiz(definition, cleaned) })
  })

  it('rejects an unknown key', () => {
    expectRejected(definition, { ...valid, 'no such question': 'x' }, 'no such question', [
      'unknown_question',
    ])
  })

  for (const [name, { codes, base, cases }] of Object.entries(corruptions)) {
    if (cases.length === 0) continue
    it(`rejects ${name} (${cases.length})`, { timeout: SLOW }, () => {
      for (const [key, corrupt] of cases)
        expectRejected(definition, { ...base, [key]: corrupt }, key, codes)
    })
  }

  const required = requiredKeys(definition, cleaned)
  if (required.length > 0) {
    it(
      `rejects a missing answer for every visible required question (${required.length})`,
      {
        timeout: SLOW,
      },
      () => {
        for (const key of required) {
          const answers = { ...cleaned }
          delete answers[key]
          expectRejected(definition, answers, key, ['required'])
        }
      },
    )
  }
})
