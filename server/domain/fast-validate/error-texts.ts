// Error messages exactly as survey-core words them for a question (its own requiredErrorText /
// otherErrorText, else the localized default), read once at compile time.
import {
  AnswerRequiredError,
  CustomError,
  EmailValidator,
  Helpers,
  SurveyError,
  type Question,
} from 'survey-core'

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
export function numberBounds(q: Question): {
  min: unknown
  max: unknown
  minText: string
  maxText: string
} | null {
  const text = q as unknown as TextBounds
  const [min, max] = [text.renderedMin, text.renderedMax]
  if (Helpers.isValueEmpty(min) && Helpers.isValueEmpty(max)) return null
  const word = (errorText: string, bound: unknown) =>
    new CustomError(text.getMinMaxErrorText(errorText, bound), q).getText()
  return { min, max, minText: word(text.minErrorText, min), maxText: word(text.maxErrorText, max) }
}
