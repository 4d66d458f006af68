// The checks' inputs read from a question (server/domain/answers/plain-question.ts). The survey-core
// path reads them from the live model after logic; the compiled path once per definition, which
// is only right when, for the definitions it compiles, they never depend on the answers.
import fc from 'fast-check'
import type { Question } from 'survey-core'
import { describe, expect, it } from 'vitest'
import { createSurvey, loadAnswers } from '../../server/domain/answers/logic'
import { plainQuestion } from '../../server/domain/answers/plain-question'
import { compileValidator } from '../../server/domain/fast-validate'
import { validateAnswers } from '../../server/domain/validate-answers'
import { answerGenerator, bundledDefinition } from '../bench/answers'

const form = (...elements: object[]) => ({ pages: [{ name: 'p', elements }] })
const slow = (definition: object, answers: object) =>
  validateAnswers(definition, answers, { engine: 'survey-core' })

// choicesOrder "random" shuffles the choices of every new model: compared in value order
const byValue = (a: { value: unknown }, b: { value: unknown }) =>
  JSON.stringify(a.value).localeCompare(JSON.stringify(b.value))
const plainOf = (survey: ReturnType<typeof createSurvey>) =>
  (survey.getAllQuestions(false, false, false) as Question[]).map((q) => {
    const plain = plainQuestion(q)
    return { ...plain, choices: [...plain.choices].sort(byValue) }
  })

describe('plain question inputs', () => {
  it('are the same before and after answers are loaded, for the bundled survey (compiled)', () => {
    const definition = bundledDefinition()
    expect(compileValidator(definition)).not.toBeNull()
    const fresh = plainOf(createSurvey(definition))
    fc.assert(
      fc.property(fc.nat(), (seed) => {
        const survey = createSurvey(definition)
        loadAnswers(survey, answerGenerator(definition, seed).answers())
        expect(plainOf(survey)).toEqual(fresh)
        survey.dispose()
      }),
      { numRuns: 30 },
    )
  })

  it('read the value property of selected-choice objects (valuePropertyName)', () => {
    const definition = form({
      type: 'checkbox',
      name: 'c',
      choices: ['a', 'b'],
      valuePropertyName: 'fruit',
    })
    expect(slow(definition, { c: [{ fruit: 'a' }] })).toEqual({
      ok: true,
      answers: { c: [{ fruit: 'a' }] },
      quiz: null,
    })
    expect(slow(definition, { c: [{ value: 'a' }] }).ok).toBe(false)
  })

  it('accept custom choices (allowCustomChoices: survey-core lists them once set)', () => {
    const definition = form({ type: 'dropdown', name: 'd', choices: ['a'], allowCustomChoices: true })
    expect(slow(definition, { d: 'zzz' })).toEqual({ ok: true, answers: { d: 'zzz' }, quiz: null })
  })

  it('read the rendered bound of a number (minValueExpression)', () => {
    const definition = form({
      type: 'text',
      name: 'n',
      inputType: 'number',
      minValueExpression: '3 + 4',
    })
    expect(slow(definition, { n: 6 })).toEqual({
      ok: false,
      issues: [{ question: 'n', code: 'out_of_range', message: 'The number must be at least 7.' }],
    })
    expect(slow(definition, { n: 7 }).ok).toBe(true)
  })

  it('read selectToRankEnabled: a ranking of some choices only', () => {
    const definition = form({
      type: 'ranking',
      name: 'r',
      choices: ['a', 'b', 'c'],
      selectToRankEnabled: true,
    })
    expect(slow(definition, { r: ['b'] })).toEqual({ ok: true, answers: { r: ['b'] }, quiz: null })
    expect(slow(form({ type: 'ranking', name: 'r', choices: ['a', 'b'] }), { r: ['b'] }).ok).toBe(
      false,
    )
  })
})
