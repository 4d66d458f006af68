import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { scoreQuiz } from '../../server/domain/score-quiz'

const dir = fileURLToPath(new URL('./fixtures/conformance/', import.meta.url))
const history = JSON.parse(readFileSync(`${dir}01-quiz-american-history.json`, 'utf8')) as object

describe('scoreQuiz', () => {
  it('returns null when the definition has no quiz items', () => {
    expect(scoreQuiz({ elements: [{ type: 'text', name: 'a' }] }, { a: 'x' })).toBeNull()
  })

  it('scores the American history quiz as SurveyJS does', () => {
    const answers = {
      civilwar: '1861-1865',
      libertyordeath: 'John Hancock',
      magnacarta: 'The foundation of the British parliamentary system',
    }
    expect(scoreQuiz(history, answers)).toEqual({
      correct: 2,
      total: 3,
      items: [
        { question: 'civilwar', correct: true },
        { question: 'libertyordeath', correct: false },
        { question: 'magnacarta', correct: true },
      ],
    })
  })

  it('counts unanswered quiz questions as incorrect', () => {
    expect(scoreQuiz(history, {})).toMatchObject({ correct: 0, total: 3 })
  })

  it('scores only visible quiz questions', () => {
    const def = {
      elements: [
        { type: 'boolean', name: 'advanced' },
        { type: 'radiogroup', name: 'q1', choices: ['a', 'b'], correctAnswer: 'a' },
        {
          type: 'radiogroup',
          name: 'q2',
          choices: ['a', 'b'],
          correctAnswer: 'b',
          visibleIf: '{advanced} = true',
        },
      ],
    }
    expect(scoreQuiz(def, { advanced: false, q1: 'a' })).toEqual({
      correct: 1,
      total: 1,
      items: [{ question: 'q1', correct: true }],
    })
    expect(scoreQuiz(def, { advanced: true, q1: 'a', q2: 'a' })).toMatchObject({
      correct: 1,
      total: 2,
    })
  })

  it('uses survey-core rules: checkbox order ignored, matrix rows counted in totals', () => {
    const def = {
      elements: [
        { type: 'checkbox', name: 'c', choices: [1, 2, 3], correctAnswer: [1, 3] },
        {
          type: 'matrix',
          name: 'm',
          rows: ['r1', 'r2'],
          columns: ['x', 'y'],
          correctAnswer: { r1: 'x', r2: 'y' },
        },
      ],
    }
    expect(scoreQuiz(def, { c: [3, 1], m: { r1: 'x', r2: 'x' } })).toEqual({
      correct: 2,
      total: 3,
      items: [
        { question: 'c', correct: true },
        { question: 'm', correct: false },
      ],
    })
  })

  it('returns an empty score when every quiz question is hidden', () => {
    const def = {
      elements: [
        { type: 'radiogroup', name: 'q', choices: ['a'], correctAnswer: 'a', visible: false },
      ],
    }
    expect(scoreQuiz(def, {})).toEqual({ correct: 0, total: 0, items: [] })
  })
})
