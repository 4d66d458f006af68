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
import type { SurveyModel } from 'survey-core'
import {
  buildCatalog,
  hasCommentArea,
  isShown,
  primaryQuestion,
  type KeyEntry,
} from './answers/catalog'
import { INVALID, report, type CheckContext } from './answers/context'
import { checkContent } from './answers/content'
import { cloneJson, isEmptyAnswer, isJsonSafe, isPlainObject } from './answers/json'
import { DEFAULT_MAX_TEXT_LENGTH } from './answers/limits'
import { sameJson } from './answers/same-json'
import { createSurvey, loadAnswers } from './answers/logic'
import { checkString, guardAnyJson, guardShape } from './answers/shape'
import { collectSurveyErrors } from './answers/survey-errors'
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
}

const MAX_ISSUES = 100

function fail(issues: AnswerIssue[]): AnswerValidation {
  if (issues.length <= MAX_ISSUES) return { ok: false, issues }
  const more = issues.length - MAX_ISSUES
  const summary = { question: '', code: 'too_many_issues', message: `${more} more issues omitted.` }
  return { ok: false, issues: [...issues.slice(0, MAX_ISSUES), summary] }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** Pass 1 over the top-level keys; returns the answers that may be given to survey-core. */
function checkKeys(
  catalog: Map<string, KeyEntry>,
  answers: Record<string, unknown>,
  ctx: CheckContext,
  failed: Set<string>,
): Record<string, unknown> {
  const fed: Record<string, unknown> = {}
  for (const key of Object.keys(answers)) {
    const entry = catalog.get(key)
    const value = answers[key]
    const before = ctx.issues.length
    if (!entry) {
      report(ctx, key, 'unknown_question', `"${key}" is not a question of this survey.`)
    } else if (entry.kind === 'display') {
      const type = entry.question.getType()
      report(ctx, key, 'unknown_question', `"${key}" is ${type} content and takes no answer.`)
    } else if (entry.kind === 'computed' || value === null || value === undefined) {
      continue // computed values are recomputed; null means "no answer"
    } else if (entry.kind === 'comment') {
      if (typeof value !== 'string') {
        report(ctx, key, 'invalid_type', 'Expected the comment to be a string.')
      } else if (checkString(value, ctx.maxTextLength, key, ctx)) {
        fed[key] = value
      }
    } else if (entry.kind === 'variable') {
      if (guardAnyJson(value, key, ctx)) fed[key] = cloneJson(value)
    } else if (guardShape(primaryQuestion(entry.questions), value, key, ctx)) {
      fed[key] = cloneJson(value)
    }
    if (ctx.issues.length > before) failed.add(key)
  }
  return withoutOrphanOtherText(catalog, fed)
}

/**
 * "Other" text without an answer to its question would make survey-core select "other" by itself
 * (and count a required question as answered); SurveyJS clears such text on completion.
 */
function withoutOrphanOtherText(catalog: Map<string, KeyEntry>, fed: Record<string, unknown>) {
  for (const key of Object.keys(fed)) {
    const entry = catalog.get(key)
    if (entry?.kind !== 'comment' || hasCommentArea(entry.question)) continue
    if (isEmptyAnswer(fed[entry.question.getValueName()])) delete fed[key]
  }
  return fed
}

/** Pass 2: what survives logic, checked and normalized. */
function checkContents(
  survey: SurveyModel,
  catalog: Map<string, KeyEntry>,
  fed: Record<string, unknown>,
  ctx: CheckContext,
  failed: Set<string>,
): Record<string, unknown> {
  const cleaned: Record<string, unknown> = {}
  for (const key of Object.keys(fed)) {
    const entry = catalog.get(key)
    if (!entry) continue
    const clearedByLogic = isEmptyAnswer(survey.getValue(key))
    if (entry.kind !== 'question') {
      if (!clearedByLogic) cleaned[key] = fed[key] // unused "other" text is cleared
      continue
    }
    const question = primaryQuestion(entry.questions)
    // Hidden questions' answers are dropped, not rejected. A visible question is checked even
    // when survey-core discarded its value (e.g. a choice hidden by choicesVisibleIf).
    if (clearedByLogic && !isShown(question)) continue
    const before = ctx.issues.length
    let checked: unknown
    try {
      checked = checkContent(question, fed[key], key, ctx)
    } catch (error) {
      checked = report(
        ctx,
        key,
        'invalid_shape',
        `The answer could not be checked: ${errorText(error)}`,
      )
    }
    if (checked === INVALID || ctx.issues.length > before) failed.add(key)
    else if (checked !== undefined) cleaned[key] = checked
  }
  const data = survey.data as Record<string, unknown>
  for (const [key, entry] of catalog) {
    if (entry.kind !== 'computed' || !Object.hasOwn(data, key)) continue
    if (!isEmptyAnswer(data[key]) && isJsonSafe(data[key])) cleaned[key] = cloneJson(data[key])
  }
  return cleaned
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
  const fed = checkKeys(catalog, answers, ctx, failed)
  try {
    loadAnswers(survey, fed)
  } catch (error) {
    const message = `The answers could not be processed: ${errorText(error)}`
    return fail([...ctx.issues, { question: '', code: 'invalid_shape', message }])
  }
  const cleaned = checkContents(survey, catalog, fed, ctx, failed)
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
    return validate(definition, answers, maxTextLength)
  } catch (error) {
    const message = `The answers could not be validated: ${errorText(error)}`
    return fail([{ question: '', code: 'invalid_shape', message }])
  }
}
