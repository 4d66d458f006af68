import type { ItemValue, Model, Question } from 'survey-core'

/** One quiz question as the thank-you page lists it. */
export type FeedbackItem =
  | { kind: 'single'; name: string; title: string; right: boolean; answer: string; correct: string }
  | {
      kind: 'options'
      name: string
      title: string
      options: { text: string; ticked: boolean; expected: boolean; right: boolean }[]
    }

export interface QuizFeedback {
  correct: number
  total: number
  items: FeedbackItem[]
}

/** A checkbox quiz question scored per choice (as server/domain/score-quiz.ts scores it). */
export function isPerOption(question: Question): boolean {
  return question.getType() === 'checkbox' && question.getPropertyValue('scoring') === 'per-option'
}

const choicesOf = (question: Question) =>
  ((question as unknown as { choices?: ItemValue[] }).choices ?? []) as ItemValue[]

function choiceText(question: Question, value: unknown): string {
  const choice = choicesOf(question).find((item) => String(item.value) === String(value))
  return choice ? choice.text : String(value)
}

/**
 * Which quiz answers were right, with the correct ones, computed in the browser from the
 * definition's correctAnswer: nothing is sent or stored for it. The totals count items as the
 * server scores them (a checkbox scored per option: one item per choice).
 */
export function quizFeedback(survey: Model): QuizFeedback {
  let correct = 0
  let total = 0
  const items = (survey.getQuizQuestions() as Question[]).map((question): FeedbackItem => {
    const name = question.getValueName()
    const title = question.processedTitle || question.name
    if (isPerOption(question)) {
      const expected = new Set((question.correctAnswer as unknown[]).map(String))
      const value = question.value as unknown
      const ticked = new Set(Array.isArray(value) ? value.map(String) : [])
      const options = choicesOf(question).map((choice) => {
        const tick = ticked.has(String(choice.value))
        const should = expected.has(String(choice.value))
        const right = ticked.size > 0 && tick === should
        return { text: choice.text, ticked: tick, expected: should, right }
      })
      total += options.length
      correct += options.filter((option) => option.right).length
      return { kind: 'options', name, title, options }
    }
    const right = question.isAnswerCorrect()
    total += 1
    if (right) correct += 1
    const expected = question.correctAnswer as unknown
    const correctText = Array.isArray(expected)
      ? expected.map((value) => choiceText(question, value)).join(', ')
      : choiceText(question, expected)
    const shown = question.isEmpty() ? '' : question.displayValue
    const answer = Array.isArray(shown) ? shown.join(', ') : typeof shown === 'string' ? shown : ''
    return { kind: 'single', name, title, right, answer, correct: correctText }
  })
  return { correct, total, items }
}
