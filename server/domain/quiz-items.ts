// Quiz items without survey-core, so that readers of stored items (aggregates) stay light.

export interface QuizScore {
  correct: number
  total: number
  items: { question: string; correct: boolean }[]
}

/** Separates a per-option item's question from its choice value: `indicators.fear_anxiety`. */
export const PER_OPTION_SEPARATOR = '.'

/** Per-option items of a question from its choice values, correct answer and answer. */
export function perOptionItems(
  name: string,
  choiceValues: readonly unknown[],
  correctAnswer: unknown,
  value: unknown,
): QuizScore['items'] {
  const expected = new Set((Array.isArray(correctAnswer) ? correctAnswer : []).map(String))
  const ticked = Array.isArray(value) ? new Set(value.map(String)) : null
  return choiceValues.map((choice) => ({
    question: `${name}${PER_OPTION_SEPARATOR}${String(choice)}`,
    correct:
      ticked !== null &&
      ticked.size > 0 &&
      ticked.has(String(choice)) === expected.has(String(choice)),
  }))
}

