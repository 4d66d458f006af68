// Pass 3 without a model: what survey.validate() reports for the supported subset, in the order
// collectSurveyErrors (../answers/survey-errors.ts) reads it: required, "other" text, a matrix's
// row rules, a number's bounds, an email input's format (whether or not the answer was
// required-empty), the validators (only when none of those), then multiple text's items.
import { Helpers } from 'survey-core'
import type { SurveyError } from 'survey-core'
import { childPath, type CheckContext } from '../answers/context'
import { isPlainObject } from '../answers/json'
import { codeOf } from '../answers/survey-errors'
import type { LogicState } from './logic'
import type { MatrixPlan, PlannedValidator, QuestionPlan, TextItemPlan } from './plan'
import { isEmailAccepted } from './error-texts'
import { isOtherSelected, isSurveyEmpty } from './values'

/** One validator's error: survey-core's own validate(), or an expression's compiled condition. */
function validatorError(
  { validator, condition }: PlannedValidator,
  value: unknown,
  valueOf: (name: string) => unknown,
): SurveyError | undefined {
  const owner = validator.getOwner() as unknown as { getValidatorTitle(): string } | null
  const title = owner?.getValidatorTitle() as string
  if (!condition) return validator.validate(value, title, {})?.error ?? undefined
  if (condition.run(valueOf)) return undefined
  // ExpressionValidator.generateError: its own text, or the default one quoting the expression
  const withError = validator as unknown as { createCustomError(name: string): SurveyError }
  return withError.createCustomError(title)
}

/**
 * Question.collectErrors: validators run only when the question's own checks found nothing, each
 * on the value (validated as is: value validators sit on text and comment only), every error kept
 * in order.
 */
function runValidators(
  validators: PlannedValidator[],
  value: unknown,
  question: string,
  ctx: CheckContext,
  valueOf: (name: string) => unknown,
) {
  for (const planned of validators) {
    const error = validatorError(planned, value, valueOf)
    if (!error || !error.isError) continue
    const message = error.getText() || 'The answer did not pass validation.'
    ctx.issues.push({ question, code: codeOf(error), message })
  }
}

/**
 * What a question reports after "required" and "other": a number's bounds, an e-mail input's
 * format, then its validators (only when none of those).
 */
function checkOwnRules(
  input: Pick<TextItemPlan, 'bounds' | 'emailText' | 'validators'>,
  value: unknown,
  question: string,
  ctx: CheckContext,
  before: number,
  valueOf: (name: string) => unknown,
) {
  if (input.bounds) checkBounds(input.bounds, value, question, ctx)
  if (input.emailText && !isEmailAccepted(value)) {
    ctx.issues.push({ question, code: 'validator', message: input.emailText })
  }
  if (ctx.issues.length === before) runValidators(input.validators, value, question, ctx, valueOf)
}

/**
 * Multiple text: after the question's own errors, each item's editor as a text question (survey
 * errors walks them in item order, each at `question.item`).
 */
function checkItemRules(
  items: TextItemPlan[],
  value: unknown,
  question: string,
  ctx: CheckContext,
  valueOf: (name: string) => unknown,
) {
  const values = (isPlainObject(value) ? value : {}) as Record<string, unknown>
  for (const item of items) {
    const itemValue = Object.hasOwn(values, item.name) ? values[item.name] : undefined
    const path = childPath(question, item.name)
    const before = ctx.issues.length
    if (item.required && isSurveyEmpty(itemValue)) {
      ctx.issues.push({ question: path, code: 'required', message: item.requiredText })
    }
    checkOwnRules(item, itemValue, path, ctx, before, valueOf)
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
      checkOwnRules(q, state.valueOf(q.name), q.name, ctx, before, state.valueOf)
      if (q.items) checkItemRules(q.items, state.valueOf(q.name), q.name, ctx, state.valueOf)
    }
  }
}
