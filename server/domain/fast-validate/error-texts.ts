// Error messages exactly as survey-core words them for a question (its own requiredErrorText /
// otherErrorText, else the localized default), read once at compile time.
import {
  AnswerRequiredError,
  CustomError,
  EmailValidator,
  Helpers,
  SurveyError,
  type ItemValue,
  type Question,
} from 'survey-core'
import { matrixRowKeys } from '../answers/plain-question'
import type { Bounds, MatrixPlan } from './plan'

/** survey-core does not export OtherEmptyError; this mirrors it (type and default text). */
class OtherEmptyText extends SurveyError {
  getErrorType(): string {
    return 'otherempty'
  }
  getDefaultText(): string {
    return this.getLocalizationString('otherRequiredError')
  }
}

export function requiredText(q: Question): string {
  return new AnswerRequiredError(q.requiredErrorText, q).getText()
}

export function otherText(q: Question): string {
  return new OtherEmptyText(q.otherErrorText as string, q).getText()
}

/** The error QuestionTextModel adds for `inputType: "email"` (its own EmailValidator). */
export function emailText(q: Question): string {
  const validator = new EmailValidator()
  validator.owner = q
  return validator.validate('@', q.getValidatorTitle())?.error?.getText() ?? ''
}

const emailCheck = new EmailValidator()

/** survey-core's test: a falsy value passes, anything else must match its pattern. */
export const isEmailAccepted = (value: unknown): boolean => !emailCheck.validate(value)

interface TextBounds {
  renderedMin: unknown
  renderedMax: unknown
  minErrorText: string
  maxErrorText: string
  getMinMaxErrorText(text: string, value: unknown): string
}

/** QuestionTextModel's bounds of a number input, with the errors it words for them. */
export function numberBounds(q: Question): Bounds | null {
  const text = q as unknown as TextBounds
  const [min, max] = [text.renderedMin, text.renderedMax]
  if (Helpers.isValueEmpty(min) && Helpers.isValueEmpty(max)) return null
  const word = (errorText: string, bound: unknown) =>
    new CustomError(text.getMinMaxErrorText(errorText, bound), q).getText()
  return { min, max, minText: word(text.minErrorText, min), maxText: word(text.maxErrorText, max) }
}

/** survey-core does not export its matrix row errors; these mirror them (types, default texts). */
class RowsErrorText extends SurveyError {
  constructor(
    private readonly type: string,
    private readonly key: string,
    owner: Question,
  ) {
    super(null as unknown as string, owner)
  }
  getErrorType(): string {
    return this.type
  }
  getDefaultText(): string {
    return this.getLocalizationString(this.key)
  }
}

export function matrixPlan(q: Question): MatrixPlan {
  const matrix = q as unknown as { eachRowRequired: boolean; eachRowUnique: boolean }
  const word = (type: string, key: string) => new RowsErrorText(type, key, q).getText()
  return {
    rows: [...matrixRowKeys(q)],
    columns: (q.columns as ItemValue[]).map((column) => column.value),
    allRowsText: matrix.eachRowRequired
      ? word('requiredinallrowserror', 'requiredInAllRowsError')
      : null,
    // (sic: survey-core's own spelling of the type)
    uniqueText: matrix.eachRowUnique ? word('eachrowuniqueeerror', 'eachRowUniqueError') : null,
  }
}
