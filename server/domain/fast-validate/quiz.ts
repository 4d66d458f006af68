// Quiz scoring as scoreSurvey (../score-quiz.ts) computes it on a model holding the stored
// answers: visible pages, visible questions with a correct answer, survey-core's comparison.
import { Helpers, settings } from 'survey-core'
import { perOptionItems, type QuizScore } from '../score-quiz'
import type { LogicState } from './logic'
import { isSurveyEmpty } from './values'

export function scoreQuiz(state: LogicState): QuizScore | null {
  if (!state.plan.hasQuiz) return null
  const items: QuizScore['items'] = []
  for (const q of state.plan.questions) {
    if (!q.quiz || !q.hasInput || !state.visible[q.node.index]) continue
    if (!state.isPageVisible(q.page)) continue
    const value = state.valueOf(q.name)
    if (q.quiz.perOption) {
      items.push(...perOptionItems(q.name, q.quiz.perOption, q.quiz.correct, value))
      continue
    }
    const correct =
      !isSurveyEmpty(value) &&
      Helpers.isTwoValueEquals(
        value,
        q.quiz.correct,
        q.quiz.ignoreOrder,
        settings.comparator.caseSensitive,
        true,
      )
    items.push({ question: q.name, correct })
  }
  const correct = items.filter((item) => item.correct).length
  return { correct, total: items.length, items }
}
