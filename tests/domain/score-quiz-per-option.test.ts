import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { summarise, type QuestionKind } from '../../server/domain/aggregate-view'
import { compileReport } from '../../server/domain/fast-validate'
import { scoreQuiz } from '../../server/domain/score-quiz'
import { validateAnswers } from '../../server/domain/validate-answers'
import { knowledgeDefinition } from '../../server/knowledge/definition'

const signs = (scoring?: string) => ({
  elements: [
    { type: 'radiogroup', name: 'tf', choices: ['true', 'false'], correctAnswer: 'true' },
    {
      type: 'checkbox',
      name: 'signs',
      choices: ['a', 'b', 'c', 'decoy'],
      correctAnswer: ['a', 'b', 'c'],
      ...(scoring ? { scoring } : {}),
    },
  ],
})

describe('a checkbox quiz item scored per option', () => {
  it('is one item per choice: right when ticked exactly if it belongs to the correct answer', () => {
    expect(scoreQuiz(signs('per-option'), { tf: 'true', signs: ['a', 'c', 'decoy'] })).toEqual({
      correct: 3,
      total: 5,
      items: [
        { question: 'tf', correct: true },
        { question: 'signs.a', correct: true },
        { question: 'signs.b', correct: false }, // missed
        { question: 'signs.c', correct: true },
        { question: 'signs.decoy', correct: false }, // ticked though not a sign
      ],
    })
  })

  it('counts every choice wrong when nothing is ticked (not answering is not knowing)', () => {
    const score = scoreQuiz(signs('per-option'), { tf: 'false' })
    expect(score).toMatchObject({ correct: 0, total: 5 })
    expect(score!.items.every((item) => !item.correct)).toBe(true)
  })

  it('keeps the exact-set scoring of checkboxes without the property (existing surveys)', () => {
    expect(scoreQuiz(signs(), { tf: 'true', signs: ['a', 'c', 'decoy'] })).toEqual({
      correct: 1,
      total: 2,
      items: [
        { question: 'tf', correct: true },
        { question: 'signs', correct: false },
      ],
    })
    expect(scoreQuiz(signs('all'), { signs: ['c', 'b', 'a'] })).toMatchObject({ correct: 1 })
  })

  it('is scored the same by the compiled validator and by survey-core', () => {
    expect(compileReport(signs('per-option')).reason).toBe('')
    for (const answers of [
      { tf: 'true', signs: ['a', 'c', 'decoy'] },
      { tf: 'false', signs: ['a', 'b', 'c'] },
      { tf: 'true', signs: ['decoy'] },
      { tf: 'true' },
    ]) {
      const fast = validateAnswers(signs('per-option'), answers)
      const slow = validateAnswers(signs('per-option'), answers, { engine: 'survey-core' })
      expect(fast).toEqual(slow)
      expect(fast).toMatchObject({ ok: true, quiz: scoreQuiz(signs('per-option'), answers) })
    }
  })

  it('names one knowledge item per choice, in the definition order', () => {
    expect(knowledgeDefinition(signs('per-option')).items).toEqual([
      'tf',
      'signs.a',
      'signs.b',
      'signs.c',
      'signs.decoy',
    ])
    expect(knowledgeDefinition(signs()).items).toEqual(['tf', 'signs'])
  })

  it('gives the question one share correct over its choices in the aggregates', () => {
    const kinds = new Map<string, QuestionKind>([
      ['tf', 'choice'],
      ['signs', 'choice'],
    ])
    const quiz = [
      { groups: [], question: 'tf', n: 10, correct: 7 },
      { groups: [], question: 'signs.a', n: 10, correct: 9 },
      { groups: [], question: 'signs.b', n: 10, correct: 1 },
    ]
    const questions = summarise([], quiz, kinds)
    expect(questions.tf.shareCorrect).toBeCloseTo(0.7)
    expect(questions.signs.shareCorrect).toBeCloseTo(10 / 20)
    expect(Object.keys(questions).sort()).toEqual(['signs', 'tf'])
  })

  it('scores the bundled indicators checklist per option', () => {
    const bundled = JSON.parse(
      readFileSync(new URL('../../surveys/counter-trafficking.json', import.meta.url), 'utf8'),
    ) as Record<string, unknown>
    const items = knowledgeDefinition(bundled).items
    expect(items.filter((item) => item.startsWith('indicators.'))).toHaveLength(12)
    expect(items).not.toContain('indicators')
  })
})
