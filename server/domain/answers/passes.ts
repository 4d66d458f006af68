// Passes 1 and 2 of answer validation (see ../validate-answers.ts), shared by the survey-core path
// and the compiled fast path: the model only enters through `LogicView`, so both report the same
// issues in the same order.
import type { Question } from 'survey-core'
import type { AnswerIssue, AnswerValidation } from '../validate-answers'
import { hasCommentArea, primaryQuestion, type KeyEntry } from './catalog'
import { checkContent } from './content'
import { INVALID, report, type CheckContext } from './context'
import { cloneJson, isEmptyAnswer, isJsonSafe } from './json'
import { checkString, guardAnyJson, guardShape } from './shape'

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

/** Pass 1 over the top-level keys; returns the answers that may be given to survey-core. */
export function checkKeys(
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

/** What pass 2 needs to know about the answers once logic has settled. */
export interface LogicView {
  /** The value kept under a top-level key (undefined when logic cleared it). */
  valueOf(key: string): unknown
  /** Whether the question is visible and so are its page and panels. */
  shown(question: Question): boolean
  /** Computed values (expression questions, totals, calculated values) by key. */
  computed: Record<string, unknown>
}

/** Pass 2: what survives logic, checked and normalized. */
export function checkContents(
  view: LogicView,
  catalog: Map<string, KeyEntry>,
  fed: Record<string, unknown>,
  ctx: CheckContext,
  failed: Set<string>,
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
    const question = primaryQuestion(entry.questions)
    // Hidden questions' answers are dropped, not rejected. A visible question is checked even
    // when survey-core discarded its value (e.g. a choice hidden by choicesVisibleIf).
    if (clearedByLogic && !view.shown(question)) continue
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
  const data = view.computed
  for (const [key, entry] of catalog) {
    if (entry.kind !== 'computed' || !Object.hasOwn(data, key)) continue
    if (!isEmptyAnswer(data[key]) && isJsonSafe(data[key])) cleaned[key] = cloneJson(data[key])
  }
  return cleaned
}
