// Error messages exactly as survey-core words them for a question (its own requiredErrorText /
// otherErrorText, else the localized default), read once at compile time.
import { AnswerRequiredError, SurveyError, type Question } from 'survey-core'

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
