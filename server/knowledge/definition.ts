import { Model, type Question } from 'survey-core'
import '../domain/survey-core-setup.js'
import { isPerOptionQuestion, perOptionItemNames } from '../domain/score-quiz.js'
import type { SelfRatingQuestion } from './types.js'

export interface KnowledgeDefinition {
  /**
   * Quiz items (questions with a correct answer; `<question>.<choice>` for each choice of a
   * checkbox scored per option), in questionnaire order.
   */
  items: string[]
  /** The question named by the survey-level "selfRating", when it is a rating question. */
  rating?: SelfRatingQuestion
}

/** What the knowledge figures need from a definition; read from the questionnaire, never the data. */
export function knowledgeDefinition(definition: Record<string, unknown>): KnowledgeDefinition {
  const model = new Model(definition)
  try {
    const questions = model.getAllQuestions(false, false, true) as Question[]
    // A checkbox scored per option is one item per choice (../domain/score-quiz.ts).
    const items = questions
      .filter((q) => q.correctAnswer !== undefined && q.correctAnswer !== null)
      .flatMap((q) => (isPerOptionQuestion(q) ? perOptionItemNames(q) : [q.getValueName()]))
    const name = definition.selfRating
    const question =
      typeof name === 'string' ? (model.getQuestionByName(name) as Question | null) : null
    if (!question || question.getType() !== 'rating') return { items }
    const values = (question.visibleRateValues as { value: unknown }[]).map((v) => String(v.value))
    const numeric = values.every((v) => v.trim() !== '' && Number.isFinite(Number(v)))
    return { items, rating: { question: question.getValueName(), values, numeric } }
  } finally {
    model.dispose()
  }
}
