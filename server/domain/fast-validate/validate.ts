// One submission through the compiled plan: pass 1 and 2 are the shared code
// (../answers/passes.ts), logic, pass 3 and the quiz are replayed without a model.
import type { CheckContext } from '../answers/context'
import { isPlainObject } from '../answers/json'
import type { PlainQuestion } from '../answers/plain-question'
import { checkContents, checkKeys, fail, PLAIN_CHECKS, type LogicView } from '../answers/passes'
import type { AnswerValidation } from '../validate-answers'
import { collectErrors } from './errors'
import { LogicState } from './logic'
import type { Compiled } from './plan'
import { scoreQuiz } from './quiz'
import { needsModel } from './values'

export type { Compiled }

/** Validates like the survey-core path; undefined when these answers need the model after all. */
export function runCompiled(
  compiled: Compiled,
  answers: unknown,
  maxTextLength: number,
): AnswerValidation | undefined {
  const ctx: CheckContext = { issues: [], maxTextLength, nestedQuestions: 0 }
  if (!isPlainObject(answers)) {
    return fail([
      { question: '', code: 'not_an_object', message: 'Answers must be a JSON object.' },
    ])
  }
  const { plan, catalog, nodeOf } = compiled
  const failed = new Set<string>()
  const fed = checkKeys(catalog, answers, ctx, failed, PLAIN_CHECKS)
  for (const q of plan.questions) {
    if (Object.hasOwn(fed, q.name) && needsModel(q, fed[q.name])) return undefined
  }
  // Logic only deletes top-level keys (cleared answers), never changes a value: a shallow copy
  // keeps `fed` whole for pass 2. (Spread defines own properties, so a "__proto__" key stays one.)
  const state = new LogicState(plan, { ...fed })
  state.settle()
  if (state.capped || state.choiceHidden) return undefined
  const view: LogicView<PlainQuestion> = {
    valueOf: (key) => (Object.hasOwn(state.values, key) ? state.values[key] : undefined),
    shown: (question) => {
      const node = nodeOf.get(question)
      return node !== undefined && state.isShown(node)
    },
    computed: {},
  }
  const cleaned = checkContents(view, catalog, fed, ctx, failed, PLAIN_CHECKS)
  collectErrors(state, ctx, failed)
  if (ctx.issues.length > 0) return fail(ctx.issues)
  // The quiz is scored on the stored answers; should they show or hide anything differently
  // than the settled answers did, the model would also clear values: leave that to survey-core.
  // evaluate() and scoring only read the values: no copy needed.
  const stored = new LogicState(plan, cleaned)
  stored.evaluate()
  if (stored.visible.some((flag, i) => flag !== state.visible[i])) return undefined
  if (stored.choiceHidden) return undefined
  return { ok: true, answers: cleaned, quiz: scoreQuiz(stored) }
}
