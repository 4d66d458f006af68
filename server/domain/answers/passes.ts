// Passes 1 and 2 of answer validation (see ../validate-answers.ts), shared by the survey-core path
// and the compiled fast path: the model only enters through `LogicView` and `QuestionChecks`, so
// both report the same issues in the same order.
import type { Question } from 'survey-core'
import type { AnswerIssue, AnswerValidation } from '../validate-answers'
import { primaryQuestion, type KeyEntry } from './catalog'
import { checkContent, checkPlainContent } from './content'
import { INVALID, report, type CheckContext, type Checked } from './context'
import { cloneJson, isEmptyAnswer, isJsonSafe } from './json'
import type { PlainQuestion } from './plain-question'
import { checkString, guardAnyJson, guardPlain, guardShape } from './shape'

const MAX_ISSUES = 100

export function fail(issues: AnswerIssue[]): AnswerValidation {
  if (issues.length <= MAX_ISSUES) return { ok: false, issues }
  const more = issues.length - MAX_ISSUES
  const summary = { question: '', code: 'too_many_issues', message: `${more} more issues omitted.` }
  return { ok: false, issues: [...issues.slice(0, MAX_ISSUES), summary] }
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** How the passes reach a question of the catalog, held as `Q`. */
export interface QuestionChecks<Q> {
  /** The question that speaks for a shared value name. */
  primary(questions: Q[]): Q
  /** Pass 1 for one top-level answer. */
  guard(q: Q, value: unknown, path: string, ctx: CheckContext): boolean
  /** Pass 2 for one top-level answer. */
  check(q: Q, value: unknown, path: string, ctx: CheckContext): Checked
}

/** Live survey-core questions, read as the checks go (the survey-core path). */
export const MODEL_CHECKS: QuestionChecks<Question> = {
  primary: primaryQuestion,
  guard: guardShape,
  check: checkContent,
}

/**
 * Plain questions read once per definition (the compiled path, whose definitions give every
 * value name one question, so the first is the only one).
 */
export const PLAIN_CHECKS: QuestionChecks<PlainQuestion> = {
  primary: (questions) => questions[0],
  guard: guardPlain,
  check: checkPlainContent,
}

/** Pass 1 over the top-level keys; returns the answers that may be given to survey-core. */
export function checkKeys<Q>(
  catalog: Map<string, KeyEntry<Q>>,
  answers: Record<string, unknown>,
  ctx: CheckContext,
  failed: Set<string>,
  checks: QuestionChecks<Q>,
): Record<string, unknown> {
  const fed: Record<string, unknown> = {}
  for (const key of Object.keys(answers)) {
    const entry = catalog.get(key)
    const value = answers[key]
    const before = ctx.issues.length
    if (!entry) {
      report(ctx, key, 'unknown_question', `"${key}" is not a question of this survey.`)
    } else if (entry.kind === 'display') {
      const type = entry.type
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
    } else if (checks.guard(checks.primary(entry.questions), value, key, ctx)) {
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
function withoutOrphanOtherText<Q>(
  catalog: Map<string, KeyEntry<Q>>,
  fed: Record<string, unknown>,
) {
  for (const key of Object.keys(fed)) {
    const entry = catalog.get(key)
    if (entry?.kind !== 'comment' || entry.commentArea) continue
    if (isEmptyAnswer(fed[entry.valueName])) delete fed[key]
  }
  return fed
}

/** What pass 2 needs to know about the answers once logic has settled. */
export interface LogicView<Q> {
  /** The value kept under a top-level key (undefined when logic cleared it). */
  valueOf(key: string): unknown
  /** Whether the question is visible and so are its page and panels. */
  shown(question: Q): boolean
  /** Computed values (expression questions, totals, calculated values) by key. */
  computed: Record<string, unknown>
}

/** Pass 2: what survives logic, checked and normalized. */
export function checkContents<Q>(
  view: LogicView<Q>,
  catalog: Map<string, KeyEntry<Q>>,
  fed: Record<string, unknown>,
  ctx: CheckContext,
  failed: Set<string>,
  checks: QuestionChecks<Q>,
): Record<string, unknown> {
  const cleaned: Record<string, unknown> = {}
  for (const key of Object.keys(fed)) {
    const entry = catalog.get(key)
    if (!entry) continue
    const clearedByLogic = isEmptyAnswer(view.valueOf(key))
    if (entry.kind !== 'question') {
      if (!clearedByLogic) cleaned[key] = fed[key] // unused "other" text is cleared
      continue
    }
    const question = checks.primary(entry.questions)
    // Hidden questions' answers are dropped, not rejected. A visible question is checked even
    // when survey-core discarded its value (e.g. a choice hidden by choicesVisibleIf).
    if (clearedByLogic && !view.shown(question)) continue
    const before = ctx.issues.length
    let checked: unknown
    try {
      checked = checks.check(question, fed[key], key, ctx)
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
  const data = view.computed
  for (const [key, entry] of catalog) {
    if (entry.kind !== 'computed' || !Object.hasOwn(data, key)) continue
    if (!isEmptyAnswer(data[key]) && isJsonSafe(data[key])) cleaned[key] = cloneJson(data[key])
  }
  return cleaned
}
