/**
 * Server-side validation of SurveyJS answers (`survey.data` from the browser) against the stored
 * definition, with survey-core running headless. See docs/decisions/002-answer-validation.md.
 *
 * Three passes:
 * 1. Shape, from the definition alone: the answers are a plain object; every key is a question
 *    value name, a `<valueName>-Comment` of a question with an "other" item or comment area, a
 *    calculated value with includeIntoResult, a matrix `-total` or a trigger target. JSON kinds
 *    per question type, nested row/column/item/panel keys, array sizes, nesting depth and text
 *    length (question maxLength, else `maxTextLength`) are checked. A malformed answer never
 *    reaches survey-core; the others go on, so one response names every problem.
 * 2. Content, after logic: the answers are set on a fresh model, logic settles (visibility
 *    triggers replayed, hidden answers cleared until nothing changes) and each remaining answer is
 *    checked against its question as survey-core now sees it: visible choices (choicesVisibleIf,
 *    choicesFromQuestion), visible rows/columns, rating scale, number ranges, date/e-mail/URL
 *    formats, file/signature data URLs, nested cells and dynamic panels.
 * 3. survey-core's own validation: required/requiredIf, validators (regex, email, numeric, text,
 *    expression, answercount), other-text and row rules, reported with survey-core's message.
 *
 * Decisions:
 * - Answers to questions hidden by logic are DROPPED, not rejected, as SurveyJS clears them on
 *   completion (a definition's clearInvisibleValues: "none" keeps them). Hidden matrix cells and
 *   rows and hidden dynamic-panel questions are dropped as well. Malformed values (pass 1) are
 *   rejected even for hidden questions; pass 2 only looks at what is kept.
 * - Expression questions, calculated values (includeIntoResult) and matrix totals are computed by
 *   survey-core; whatever the client sent for them is ignored and the computed value is stored.
 * - Choice comparison: a choice matches when identical or the same number spelled as a string
 *   (1 vs "1"), and the definition's own value is stored. SurveyJS's case-insensitive matching is
 *   not followed: "ford" does not select "Ford". Numeric text inputs accept numeric strings and
 *   store numbers.
 * - Empty answers (null, "", whitespace, [], {}) count as unanswered and are not stored.
 * - Choices the server cannot know (choicesByUrl, lazy loading, allowCustomChoices) accept any
 *   string or number.
 * - Only synchronous validation counts: an expression validator calling an async function cannot
 *   block a submission (the server registers no async functions).
 * - Nothing throws: an exception from survey-core becomes an issue with question "".
 * - Issue `question` is the top-level value name, followed by a path for nested values:
 *   `matrix.row.column`, `dynamicMatrix[0].column`, `panels[1].question`, `multi.item`.
 */
import type { Question, SurveyModel } from 'survey-core'
import { buildCatalog, isShown } from './answers/catalog'
import { type CheckContext } from './answers/context'
import { cloneJson, isPlainObject } from './answers/json'
import { DEFAULT_MAX_TEXT_LENGTH } from './answers/limits'
import { sameJson } from './answers/same-json'
import { createSurvey, loadAnswers } from './answers/logic'
import {
  checkContents,
  checkKeys,
  errorText,
  fail,
  MODEL_CHECKS,
  type LogicView,
} from './answers/passes'
import { collectSurveyErrors } from './answers/survey-errors'
import { compiledValidator } from './fast-validate'
import { scoreSurvey, type QuizScore } from './score-quiz'

// A type alias (not an interface) so issues are assignable to index-signature records.
export type AnswerIssue = {
  question: string
  code: string
  message: string
}
export type AnswerValidation =
  // cleaned answers (what gets stored) and their quiz score, null when there are no quiz items
  | { ok: true; answers: Record<string, unknown>; quiz: QuizScore | null }
  | { ok: false; issues: AnswerIssue[] }
export interface ValidateOptions {
  maxTextLength?: number // default 5000 characters per text value
  /**
   * 'auto' (default) uses the compiled validator when the definition allows one, else survey-core;
   * 'survey-core' always builds a model (tests compare the two).
   */
  engine?: 'auto' | 'survey-core'
}

/** What pass 2 reads from a model after logic has settled. */
function modelView(survey: SurveyModel): LogicView<Question> {
  return {
    valueOf: (key) => survey.getValue(key),
    shown: isShown,
    get computed() {
      return survey.data as Record<string, unknown>
    },
  }
}

function validate(definition: object, answers: unknown, maxTextLength: number): AnswerValidation {
  const ctx: CheckContext = { issues: [], maxTextLength, nestedQuestions: 0 }
  if (!isPlainObject(answers)) {
    return fail([
      { question: '', code: 'not_an_object', message: 'Answers must be a JSON object.' },
    ])
  }
  let survey: SurveyModel
  try {
    survey = createSurvey(definition)
  } catch (error) {
    const message = `The survey definition could not be loaded: ${errorText(error)}`
    return fail([{ question: '', code: 'invalid_definition', message }])
  }
  const catalog = buildCatalog(survey)
  const failed = new Set<string>() // top-level keys with issues: survey-core errors are skipped
  const fed = checkKeys(catalog, answers, ctx, failed, MODEL_CHECKS)
  try {
    loadAnswers(survey, fed)
  } catch (error) {
    const message = `The answers could not be processed: ${errorText(error)}`
    return fail([...ctx.issues, { question: '', code: 'invalid_shape', message }])
  }
  const cleaned = checkContents(modelView(survey), catalog, fed, ctx, failed, MODEL_CHECKS)
  try {
    collectSurveyErrors(survey, ctx, (root) => failed.has(root))
  } catch (error) {
    const message = `The answers could not be validated: ${errorText(error)}`
    ctx.issues.push({ question: '', code: 'validator', message })
  }
  if (ctx.issues.length > 0) return fail(ctx.issues)
  // Score exactly what is stored, on the model already built (a second model costs as much again).
  // Setting data re-runs every condition, so it is skipped when the model already holds exactly it.
  if (!sameJson(survey.data, cleaned)) survey.data = cloneJson(cleaned)
  const quiz = scoreSurvey(survey)
  survey.dispose()
  return { ok: true, answers: cleaned, quiz }
}

/** Validates respondent answers against a SurveyJS definition. Never throws. */
export function validateAnswers(
  definition: object,
  answers: unknown,
  options: ValidateOptions = {},
): AnswerValidation {
  const limit = options.maxTextLength
  const maxTextLength =
    Number.isInteger(limit) && (limit as number) > 0 ? (limit as number) : DEFAULT_MAX_TEXT_LENGTH
  try {
    // The compiled validator answers exactly as survey-core would, without a model per call;
    // undefined means it met something it leaves to survey-core.
    const compiled = options.engine === 'survey-core' ? null : compiledValidator(definition)
    const fast = compiled?.(answers, maxTextLength)
    return fast ?? validate(definition, answers, maxTextLength)
  } catch (error) {
    const message = `The answers could not be validated: ${errorText(error)}`
    return fail([{ question: '', code: 'invalid_shape', message }])
  }
}
