/**
 * Quiz scoring with survey-core's own logic, so a score is exactly what SurveyJS shows:
 * `getQuizQuestions()` (visible questions with correctAnswer), `isAnswerCorrect()` per question,
 * `getCorrectAnswerCount()` / `getQuizQuestionCount()` for the totals (a matrix counts one per
 * row there, while its item is correct only when every row is).
 *
 * A checkbox quiz question with `"scoring": "per-option"` (registered in ./survey-core-setup.ts)
 * is scored per choice instead: one item per choice, named `<question>.<choice value>`, right
 * when the choice is ticked exactly if it belongs to the correct answer (nothing ticked: every
 * item wrong), so results can say which options people miss. Its items replace the question's
 * single item in the items and in both totals.
 */
import type { Question, SurveyModel } from 'survey-core'
import { cloneJson, isPlainObject } from './answers/json'
import { createSurvey } from './answers/logic'
import { PER_OPTION_SEPARATOR, perOptionItems, type QuizScore } from './quiz-items'

export { PER_OPTION_SEPARATOR, perOptionItems, type QuizScore }

/** The question is a checkbox quiz item scored per choice. */
export function isPerOptionQuestion(question: Question): boolean {
  return (
    question.getType() === 'checkbox' && question.getPropertyValue('scoring') === 'per-option'
  )
}

/** The per-option items' names of a question: one per choice, in the definition's order. */
export function perOptionItemNames(question: Question): string[] {
  const choices = (question as unknown as { choices: { value: unknown }[] }).choices
  const name = question.getValueName()
  return choices.map((choice) => `${name}${PER_OPTION_SEPARATOR}${String(choice.value)}`)
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
  let correct = survey.getCorrectAnswerCount()
  let total = survey.getQuizQuestionCount()
  const items = (survey.getQuizQuestions() as Question[]).flatMap((question) => {
    if (!isPerOptionQuestion(question)) {
      return [{ question: question.getValueName(), correct: question.isAnswerCorrect() }]
    }
    const choices = (question as unknown as { choices: { value: unknown }[] }).choices
    const options = perOptionItems(
      question.getValueName(),
      choices.map((choice) => choice.value),
      question.correctAnswer,
      question.value,
    )
    // survey-core counted the question once, right only for the exact set.
    total += options.length - 1
    correct += options.filter((item) => item.correct).length - (question.isAnswerCorrect() ? 1 : 0)
    return options
  })
  return { correct, total, items }
}
