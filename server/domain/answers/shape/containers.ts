// Pass-1 guards for questions whose value holds other answers: keys are checked against the
// definition's rows, columns, items and template questions; cells recurse through `guard`.
import type { Question } from 'survey-core'
import { hasCommentValue } from '../catalog'
import { childPath, indexPath, type CheckContext } from '../context'
import { isPlainObject } from '../json'
import { MAX_ARRAY_ITEMS, MAX_DYNAMIC_ITEMS, MAX_NESTED_QUESTIONS } from '../limits'
import { matrixRowKeys, plainQuestion, type PlainQuestion } from '../plain-question'
import {
  checkString,
  guardArray,
  guardPrimitive,
  guardText,
  shapeIssue,
  typeIssue,
  unknownKey,
  type Guard,
} from './common'

const COMMENT_SUFFIX = '-Comment'

export function guardMatrix(q: Question, value: unknown, path: string, ctx: CheckContext) {
  return guardMatrixRows(matrixRowKeys(q), value, path, ctx)
}

export function guardMatrixRows(
  rows: ReadonlySet<string>,
  value: unknown,
  path: string,
  ctx: CheckContext,
) {
  if (!isPlainObject(value)) return typeIssue(ctx, path, 'an object of row answers', value)
  return Object.keys(value).every((row) => {
    const rowPath = childPath(path, row)
    if (!rows.has(row)) return unknownKey(ctx, rowPath, `"${row}" is not a row of this matrix.`)
    const cell = value[row]
    if (Array.isArray(cell)) {
      if (!guardArray(cell, rowPath, ctx, MAX_ARRAY_ITEMS)) return false
      return cell.every((item, i) => guardPrimitive(item, indexPath(rowPath, i), ctx))
    }
    return cell === null || guardPrimitive(cell, rowPath, ctx)
  })
}

/** Nested questions by value name, plus `<name>-Comment` keys for those that take comments. */
function nestedFields(questions: Question[]): Map<string, Question | 'comment'> {
  const fields = new Map<string, Question | 'comment'>()
  for (const question of questions) {
    const name = question.getValueName()
    if (!name) continue
    fields.set(name, question)
    if (hasCommentValue(question)) fields.set(name + COMMENT_SUFFIX, 'comment')
  }
  return fields
}

function guardRecord(
  fields: Map<string, Question | 'comment'>,
  value: unknown,
  path: string,
  ctx: CheckContext,
  depth: number,
  what: string,
  guard: Guard,
): boolean {
  if (!isPlainObject(value)) return typeIssue(ctx, path, `an object of ${what} answers`, value)
  return Object.keys(value).every((key) => {
    const keyPath = childPath(path, key)
    const field = fields.get(key)
    if (!field) return unknownKey(ctx, keyPath, `"${key}" is not a ${what} field.`)
    const inner = value[key]
    if (inner === null || inner === undefined) return true
    if (field === 'comment') {
      if (typeof inner !== 'string') return typeIssue(ctx, keyPath, 'a string', inner)
      return checkString(inner, ctx.maxTextLength, keyPath, ctx)
    }
    return guard(field, inner, keyPath, ctx, depth + 1)
  })
}

function cellQuestions(q: Question): Question[] {
  const columns: { templateQuestion: Question }[] = q.columns ?? []
  const detail: Question[] =
    q.detailPanelMode && q.detailPanelMode !== 'none' ? q.detailPanel.questions : []
  return [...columns.map((column) => column.templateQuestion), ...detail]
}

export function guardMatrixDropdown(
  q: Question,
  value: unknown,
  path: string,
  ctx: CheckContext,
  depth: number,
  guard: Guard,
) {
  if (!isPlainObject(value)) return typeIssue(ctx, path, 'an object of row answers', value)
  const rows = matrixRowKeys(q)
  const fields = nestedFields(cellQuestions(q))
  return Object.keys(value).every((row) => {
    const rowPath = childPath(path, row)
    if (!rows.has(row)) return unknownKey(ctx, rowPath, `"${row}" is not a row of this matrix.`)
    const cells = value[row]
    return (
      cells === null || guardRecord(fields, cells, rowPath, ctx, depth + 1, 'matrix column', guard)
    )
  })
}

function dynamicLimit(configured: unknown): number {
  const max = Number(configured)
  return Number.isFinite(max) && max >= 0 ? Math.min(max, MAX_DYNAMIC_ITEMS) : MAX_DYNAMIC_ITEMS
}

/** Counts rows × columns (panels × questions) against the submission's budget. */
function guardNestedCount(count: number, perItem: number, path: string, ctx: CheckContext) {
  ctx.nestedQuestions += count * Math.max(perItem, 1)
  if (ctx.nestedQuestions <= MAX_NESTED_QUESTIONS) return true
  const message = `Too many rows or panels to validate: at most ${MAX_NESTED_QUESTIONS} cells in all.`
  return shapeIssue(ctx, path, message)
}

export function guardMatrixDynamic(
  q: Question,
  value: unknown,
  path: string,
  ctx: CheckContext,
  depth: number,
  guard: Guard,
) {
  if (!guardArray(value, path, ctx, dynamicLimit(q.maxRowCount))) return false
  const cells = cellQuestions(q)
  if (!guardNestedCount((value as unknown[]).length, cells.length, path, ctx)) return false
  const fields = nestedFields(cells)
  return (value as unknown[]).every((row, i) =>
    guardRecord(fields, row, indexPath(path, i), ctx, depth + 1, 'matrix column', guard),
  )
}

export function guardPanelDynamic(
  q: Question,
  value: unknown,
  path: string,
  ctx: CheckContext,
  depth: number,
  guard: Guard,
) {
  if (!guardArray(value, path, ctx, dynamicLimit(q.maxPanelCount))) return false
  const templates: Question[] = q.template.questions
  if (!guardNestedCount((value as unknown[]).length, templates.length, path, ctx)) return false
  const fields = nestedFields(templates)
  return (value as unknown[]).every((panel, i) =>
    guardRecord(fields, panel, indexPath(path, i), ctx, depth + 1, 'panel', guard),
  )
}

export function guardMultipleText(q: Question, value: unknown, path: string, ctx: CheckContext) {
  return guardTextItems(plainQuestion(q).items, value, path, ctx)
}

export function guardTextItems(
  items: PlainQuestion['items'],
  value: unknown,
  path: string,
  ctx: CheckContext,
) {
  if (!isPlainObject(value)) return typeIssue(ctx, path, 'an object of item answers', value)
  return Object.keys(value).every((key) => {
    const item = items.find((candidate) => candidate.name === key)
    const keyPath = childPath(path, key)
    if (!item) return unknownKey(ctx, keyPath, `"${key}" is not an item of this question.`)
    const inner = value[key]
    return inner === null || guardText(item.editor, inner, keyPath, ctx)
  })
}
