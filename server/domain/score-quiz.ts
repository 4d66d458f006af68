/**
 * Quiz scoring with survey-core's own logic, so a score is exactly what SurveyJS shows:
 * `getQuizQuestions()` (visible questions with correctAnswer), `isAnswerCorrect()` per question,
 * `getCorrectAnswerCount()` / `getQuizQuestionCount()` for the totals (a matrix counts one per
 * row there, while its item is correct only when every row is).
 */
import type { Question, SurveyModel } from 'survey-core'
import { cloneJson, isPlainObject } from './answers/json'
import { createSurvey } from './answers/logic'

export interface QuizScore {
  correct: number
  total: number
  items: { question: string; correct: boolean }[]
}

/** Cheap scan so surveys without quiz items never pay for a model. */
function hasCorrectAnswer(value: unknown, depth = 0): boolean {
  if (depth > 64) return false
  if (Array.isArray(value)) return value.some((item) => hasCorrectAnswer(item, depth + 1))
  if (!isPlainObject(value)) return false
  if (Object.hasOwn(value, 'correctAnswer')) return true
  return Object.keys(value).some((key) => hasCorrectAnswer(value[key], depth + 1))
}

/** Scores validated answers; null when the definition has no quiz items at all. */
export function scoreQuiz(definition: object, answers: Record<string, unknown>): QuizScore | null {
  if (!hasCorrectAnswer(definition)) return null
  const survey = createSurvey(definition)
  survey.data = cloneJson(answers)
  const score = scoreSurvey(survey)
  survey.dispose()
  return score
}

/** Scores the answers already loaded in a model (validation reuses its model: building one is costly). */
export function scoreSurvey(survey: SurveyModel): QuizScore | null {
  const hasQuiz = (survey.getAllQuestions(false, false, true) as Question[]).some(
    (question) => question.correctAnswer !== undefined && question.correctAnswer !== null,
  )
  if (!hasQuiz) return null
  const items = (survey.getQuizQuestions() as Question[]).map((question) => ({
    question: question.getValueName(),
    correct: question.isAnswerCorrect(),
  }))
  const score = {
    correct: survey.getCorrectAnswerCount(),
    total: survey.getQuizQuestionCount(),
    items,
  }
  return score
}
