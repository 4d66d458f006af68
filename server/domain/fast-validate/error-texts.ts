// Error messages exactly as survey-core words them for a question (its own requiredErrorText /
// otherErrorText, else the localized default), read once at compile time.
import { AnswerRequiredError, EmailValidator, SurveyError, type Question } from 'survey-core'

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
