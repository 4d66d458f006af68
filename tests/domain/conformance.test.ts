// Conformance: 25 public SurveyJS definitions (tests/domain/fixtures/conformance, see SOURCES.md
// there) must load, accept a hand-made valid answer set and reject generated corruptions of it.
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Model, type Question } from 'survey-core'
import { beforeAll, describe, expect, it } from 'vitest'
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

describe.each(FILES)('%s', (file) => {
  const definition = load(file)
  const valid = VALID_ANSWERS[file]
  const questions = questionsByKey(definition)
  let cleaned: Record<string, unknown> = {}

  beforeAll(() => {
    const outcome = validateAnswers(definition, valid)
    if (!outcome.ok) throw new Error(`valid answers rejected: ${JSON.stringify(outcome.issues)}`)
    cleaned = outcome.answers
  })

  it('loads in survey-core with at most unknown-property notes', () => {
    const survey = new Model(definition)
    expect(survey.getAllQuestions().length).toBeGreaterThan(0)
    for (const error of survey.jsonErrors ?? []) expect(error.message).toMatch(/^Unknown property/)
  })

  it('accepts the valid answer set, and its cleaned answers again unchanged', () => {
    expect(Object.keys(cleaned).length).toBeGreaterThan(0)
    const again = validateAnswers(definition, cleaned)
    expect(again).toEqual({ ok: true, answers: cleaned, quiz: scoreQuiz(definition, cleaned) })
  })

  it('rejects an unknown key', () => {
    expectRejected(definition, { ...valid, 'no such question': 'x' }, 'no such question', [
      'unknown_question',
    ])
  })

  it('rejects a wrong JSON kind for every answered question', { timeout: SLOW }, () => {
    for (const key of Object.keys(cleaned)) {
      const question = questions.get(key)
      // computed values: whatever the client sends is ignored
      if (!question || question.getType() === 'expression') continue
      const codes = ['invalid_type', 'invalid_shape', 'unknown_question']
      expectRejected(definition, { ...valid, [key]: wrongKind(cleaned[key]) }, key, codes)
    }
  })

  it('rejects an unlisted choice for every kept choice question', { timeout: SLOW }, () => {
    for (const key of Object.keys(cleaned)) {
      const type = questions.get(key)?.getType() ?? ''
      const value = cleaned[key]
      let corrupt: unknown
      if (CHOICE_TYPES.has(type)) corrupt = 'not-a-choice'
      else if (ARRAY_CHOICE_TYPES.has(type) && Array.isArray(value))
        corrupt = [...value, 'not-a-choice']
      else if (type === 'matrix')
        corrupt = { ...(value as object), [Object.keys(value as object)[0]]: 'nope' }
      else continue
      const codes = ['invalid_choice', 'invalid_type']
      expectRejected(definition, { ...cleaned, [key]: corrupt }, key, codes)
    }
  })

  it('rejects oversized text anywhere at the top level', { timeout: SLOW }, () => {
    for (const key of Object.keys(cleaned)) {
      const type = questions.get(key)?.getType()
      if (
        typeof cleaned[key] !== 'string' ||
        !type ||
        DATA_URL_TYPES.has(type) ||
        type === 'expression'
      ) {
        continue
      }
      expectRejected(definition, { ...cleaned, [key]: 'x'.repeat(5001) }, key, ['too_long'])
    }
  })

  it('rejects a missing answer for every visible required question', { timeout: SLOW }, () => {
    for (const key of requiredKeys(definition, cleaned)) {
      const answers = { ...cleaned }
      delete answers[key]
      expectRejected(definition, answers, key, ['required'])
    }
  })
})
