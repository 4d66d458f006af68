// Pass 3 without a model: what survey.validate() reports for the supported subset, in the order
// collectSurveyErrors (../answers/survey-errors.ts) reads it: required, then "other" text, then
// the e-mail format of an email input (checked whether or not the answer was required-empty).
import { Helpers } from 'survey-core'
import type { CheckContext } from '../answers/context'
import { codeOf } from '../answers/survey-errors'
import type { LogicState } from './logic'
import type { MatrixPlan, QuestionPlan } from './plan'
import { isEmailAccepted } from './error-texts'
import { isOtherSelected, isSurveyEmpty } from './values'

/**
 * Question.collectErrors: validators run only when the question's own checks found nothing, each
 * on the value (a text or comment question's validated value), every error kept in order.
 */
function runValidators(q: QuestionPlan, value: unknown, ctx: CheckContext) {
  for (const validator of q.validators) {
    const owner = validator.getOwner() as unknown as { getValidatorTitle(): string } | null
    const error = validator.validate(value, owner?.getValidatorTitle() as string, {})?.error
    if (!error || !error.isError) continue
    const message = error.getText() || 'The answer did not pass validation.'
    ctx.issues.push({ question: q.name, code: codeOf(error), message })
  }
}

/**
 * isValueLessMin / isValueGreaterMax of a number input: JavaScript's own comparison of the raw
 * answer with the bound (so "2" > "10" when both are strings, as in survey-core).
 */
function checkBounds(
  bounds: NonNullable<QuestionPlan['bounds']>,
  value: unknown,
  question: string,
  ctx: CheckContext,
) {
  if (isSurveyEmpty(value)) return
  const raw = value as number
  if (!Helpers.isValueEmpty(bounds.min) && raw < (bounds.min as number)) {
    ctx.issues.push({ question, code: 'validator', message: bounds.minText })
  }
  if (!Helpers.isValueEmpty(bounds.max) && raw > (bounds.max as number)) {
    ctx.issues.push({ question, code: 'validator', message: bounds.maxText })
  }
}

/**
 * QuestionMatrixModel.checkErrorsAllRows: an unanswered row (eachRowRequired), a column chosen in
 * two rows (eachRowUnique, cells compared as object keys), each reported once.
 */
function checkMatrixRows(matrix: MatrixPlan, value: unknown, question: string, ctx: CheckContext) {
  const cells = (typeof value === 'object' && value !== null ? value : {}) as Record<
    string,
    unknown
  >
  let noValue = false
  let notUnique = false
  const seen = new Set<string>()
  for (const row of matrix.rows) {
    const cell = Object.hasOwn(cells, row) ? cells[row] : undefined
    const empty = Helpers.isValueEmpty(cell)
    if (!empty && seen.has(String(cell))) notUnique = true
    if (!empty) seen.add(String(cell))
    if (empty) noValue = true
  }
  if (matrix.allRowsText !== null && noValue) {
    ctx.issues.push({ question, code: 'required', message: matrix.allRowsText })
  }
  if (matrix.uniqueText !== null && notUnique) {
    ctx.issues.push({ question, code: 'validator', message: matrix.uniqueText })
  }
}

export function collectErrors(state: LogicState, ctx: CheckContext, failed: Set<string>): void {
  for (const page of state.plan.pages) {
    if (!state.isPageVisible(page)) continue
    for (const q of state.plan.questions) {
      if (q.node.kind !== 'question' || q.page !== page) continue
      if (failed.has(q.name) || !state.isShown(q.node) || state.isReadOnly(q.node)) continue
      const before = ctx.issues.length
      if (state.isRequiredEmpty(q)) {
        ctx.issues.push({ question: q.name, code: 'required', message: q.requiredText })
      }
      const comment = q.commentKey ? state.values[q.commentKey] : undefined
      if (isOtherSelected(q, state.valueOf(q.name)) && !comment) {
        ctx.issues.push({ question: q.name, code: 'required', message: q.otherText })
      }
      if (q.matrix) checkMatrixRows(q.matrix, state.valueOf(q.name), q.name, ctx)
      if (q.bounds) checkBounds(q.bounds, state.valueOf(q.name), q.name, ctx)
      if (q.emailText && !isEmailAccepted(state.valueOf(q.name))) {
        ctx.issues.push({ question: q.name, code: 'validator', message: q.emailText })
      }
      if (ctx.issues.length === before) runValidators(q, state.valueOf(q.name), ctx)
    }
  }
}
