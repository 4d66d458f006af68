// Questions whose value holds other answers. Nested values are checked against the nested question
// objects survey-core built for the current answers (matrix cells, dynamic panels), so conditions
// inside rows and panels ({row.x}, {panel.y}) are honoured. Hidden nested answers are dropped.
import type { ItemValue, Question } from 'survey-core'
import { childPath, indexPath, INVALID, report, type CheckContext, type Checked } from '../context'
import { isJsonSafe, isPlainObject, preview, type PlainObject } from '../json'
import type { PlainQuestion } from '../plain-question'
import { matchValue, valueKey } from './match'

export type ContentCheck = (q: Question, value: unknown, path: string, ctx: CheckContext) => Checked

const COMMENT_SUFFIX = '-Comment'

const isShown = (q: Question): boolean => q.isVisible && q.isParentVisible

/** Survey-core's computed value of an expression, if it is storable. */
export function computedValue(q: Question): unknown {
  const value: unknown = q.value
  return value !== undefined && value !== '' && isJsonSafe(value) ? value : undefined
}

interface Field {
  question: Question
  shown: boolean
}

/** Checks one record (matrix row, dynamic panel) field by field; hidden fields are dropped. */
function checkRecord(
  fields: Map<string, Field>,
  record: PlainObject,
  path: string,
  ctx: CheckContext,
  check: ContentCheck,
): PlainObject | typeof INVALID {
  const result: PlainObject = {}
  let invalid = false
  for (const key of Object.keys(record)) {
    if (key.endsWith(COMMENT_SUFFIX)) continue // kept below when its question is kept
    const field = fields.get(key)
    if (!field || !field.shown) continue
    if (field.question.getType() === 'expression') continue
    const checked = check(field.question, record[key], childPath(path, key), ctx)
    if (checked === INVALID) invalid = true
    else if (checked !== undefined) result[key] = checked
  }
  for (const [name, field] of fields) {
    if (field.shown && field.question.getType() === 'expression') {
      const value = computedValue(field.question)
      if (value !== undefined) result[name] = value
    }
    const comment = record[name + COMMENT_SUFFIX]
    const keep = Object.hasOwn(record, name + COMMENT_SUFFIX) && field.shown
    if (keep && typeof comment === 'string' && comment.trim() !== '') {
      result[name + COMMENT_SUFFIX] = comment
    }
  }
  return invalid ? INVALID : result
}

function fieldsOf(questions: Question[], shown: (q: Question) => boolean): Map<string, Field> {
  const fields = new Map<string, Field>()
  for (const question of questions) {
    const name = question.getValueName()
    if (name && !fields.has(name)) fields.set(name, { question, shown: shown(question) })
  }
  return fields
}

interface CellRow {
  cells: { column: { name: string }; question: Question }[]
  rowName: unknown
  index?: number
}

function rowFields(matrix: Question, row: CellRow | undefined): Map<string, Field> {
  const detail: Question[] =
    matrix.detailPanelMode && matrix.detailPanelMode !== 'none' ? matrix.detailPanel.questions : []
  const fields = fieldsOf(detail, () => true)
  if (!row) return fields
  for (const cell of row.cells) {
    const shown = cell.question.isVisible && cell.question.isParentVisible !== false
    fields.set(cell.column.name, { question: cell.question, shown })
  }
  return fields
}

export function checkMatrixDropdown(
  q: Question,
  value: unknown,
  path: string,
  ctx: CheckContext,
  check: ContentCheck,
): Checked {
  if (!isPlainObject(value)) return report(ctx, path, 'invalid_type', 'Expected an object of rows.')
  const rows = new Map((q.visibleRows as CellRow[]).map((row) => [String(row.rowName), row]))
  const result: PlainObject = {}
  let invalid = false
  for (const key of Object.keys(value)) {
    const row = rows.get(key)
    const record = value[key]
    if (!row || !isPlainObject(record)) continue // hidden row (rowsVisibleIf): dropped
    const checked = checkRecord(rowFields(q, row), record, childPath(path, key), ctx, check)
    if (checked === INVALID) invalid = true
    else result[key] = checked
  }
  return invalid ? INVALID : result
}

export function checkMatrixDynamic(
  q: Question,
  value: unknown,
  path: string,
  ctx: CheckContext,
  check: ContentCheck,
): Checked {
  if (!Array.isArray(value)) return report(ctx, path, 'invalid_type', 'Expected an array of rows.')
  const rows = q.visibleRows as CellRow[]
  const byIndex = new Map(
    rows.map((row, i) => [typeof row.index === 'number' ? row.index : i, row]),
  )
  let invalid = false
  const result = value.map((record, i) => {
    if (!isPlainObject(record)) return record
    const row = byIndex.get(i)
    if (!row) return record // filtered out by rowsVisibleIf: left as submitted
    const checked = checkRecord(rowFields(q, row), record, indexPath(path, i), ctx, check)
    if (checked === INVALID) invalid = true
    return checked
  })
  // minRowCount is survey-core's to judge: empty rows are not always part of the value
  return invalid ? INVALID : result
}

export function checkPanelDynamic(
  q: Question,
  value: unknown,
  path: string,
  ctx: CheckContext,
  check: ContentCheck,
): Checked {
  if (!Array.isArray(value))
    return report(ctx, path, 'invalid_type', 'Expected an array of panels.')
  const panels: { questions: Question[] }[] = q.panels ?? []
  const matches = panels.length === value.length
  let invalid = false
  const result = value.map((record, i) => {
    if (!isPlainObject(record)) return record
    const fields = matches
      ? fieldsOf(panels[i].questions, isShown)
      : fieldsOf(q.template.questions, () => true)
    const checked = checkRecord(fields, record, indexPath(path, i), ctx, check)
    if (checked === INVALID) invalid = true
    return checked
  })
  return invalid ? INVALID : result
}

/**
 * checkMultipleText for items read once in advance (the compiled path): every item is shown and
 * none is an expression there, so checkRecord reduces to this.
 */
export function checkTextItems(
  items: PlainQuestion['items'],
  value: unknown,
  path: string,
  ctx: CheckContext,
  check: (q: PlainQuestion, value: unknown, path: string, ctx: CheckContext) => Checked,
): Checked {
  if (!isPlainObject(value))
    return report(ctx, path, 'invalid_type', 'Expected an object of items.')
  const result: PlainObject = {}
  let invalid = false
  for (const key of Object.keys(value)) {
    if (key.endsWith(COMMENT_SUFFIX)) continue
    const item = items.find((candidate) => candidate.name === key)
    if (!item) continue
    const checked = check(item.editor, value[key], childPath(path, key), ctx)
    if (checked === INVALID) invalid = true
    else if (checked !== undefined) result[key] = checked
  }
  return invalid ? INVALID : result
}

export function checkMultipleText(
  q: Question,
  value: unknown,
  path: string,
  ctx: CheckContext,
  check: ContentCheck,
): Checked {
  if (!isPlainObject(value))
    return report(ctx, path, 'invalid_type', 'Expected an object of items.')
  const items: { name: string; editor: Question }[] = q.items ?? []
  const fields = new Map(items.map((item) => [item.name, { question: item.editor, shown: true }]))
  return checkRecord(fields, value, path, ctx, check)
}

/** What a matrix's answer is checked against: its visible rows and columns, after logic. */
export interface MatrixView {
  rows: ReadonlySet<string>
  columns: unknown[]
  multiSelect: boolean
}

/** Single-select matrix: row → column value (or an array of them for checkbox cells). */
export function checkMatrix(q: Question, value: unknown, path: string, ctx: CheckContext): Checked {
  const view: MatrixView = {
    rows: new Set((q.visibleRows as { name: string }[]).map((row) => String(row.name))),
    columns: (q.visibleColumns as ItemValue[]).map((column) => column.value),
    multiSelect: Boolean(q.isMultiSelect),
  }
  return checkMatrixView(view, value, path, ctx)
}

export function checkMatrixView(
  { rows, columns, multiSelect }: MatrixView,
  value: unknown,
  path: string,
  ctx: CheckContext,
): Checked {
  if (!isPlainObject(value)) return report(ctx, path, 'invalid_type', 'Expected an object of rows.')
  const result: PlainObject = {}
  let invalid = false
  const pick = (raw: unknown, at: string) => {
    const match = matchValue(columns, raw)
    if (match) return match.value
    invalid = true
    return report(ctx, at, 'invalid_choice', `${preview(raw)} is not a column of this matrix.`)
  }
  for (const row of Object.keys(value)) {
    if (!rows.has(row)) continue // hidden row (rowsVisibleIf): dropped
    const raw = value[row]
    const at = childPath(path, row)
    if (raw === null || raw === '' || (Array.isArray(raw) && raw.length === 0)) continue
    if (!multiSelect) {
      if (Array.isArray(raw)) {
        invalid = true
        report(ctx, at, 'invalid_type', 'Expected one column value.')
      } else result[row] = pick(raw, at)
      continue
    }
    const picked = (Array.isArray(raw) ? raw : [raw]).map((item, i) => pick(item, indexPath(at, i)))
    if (new Set(picked.map(valueKey)).size !== picked.length) {
      invalid = true
      report(ctx, at, 'invalid_shape', 'A column is selected twice.')
    }
    result[row] = picked
  }
  return invalid ? INVALID : result
}
