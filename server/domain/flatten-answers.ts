/**
 * Flattens validated answers into one row per atomic answered value, for SQL aggregation
 * (see docs/decisions/001-answer-storage.md). Rules by question type:
 * - single choice: item '', value = choice; number = the choice when it is a number
 * - checkbox/tagbox/multi imagepicker: one row per selected value, item = value = the choice
 * - boolean: value 'true'/'false' (or valueTrue/valueFalse), number 1/0
 * - rating, numeric text, slider, number or boolean expressions/calculated values: value and
 *   number (range slider: items 'from' and 'to')
 * - ranking: item = choice, value and number = 1-based rank
 * - matrix: item = row, value = column (checkbox cells: item = row.column)
 * - matrixdropdown: item = row.column, cells flattened by their own type (checkbox cells:
 *   row.column.value); matrixdynamic and paneldynamic: item = index.name (0-based index)
 * Only values the definition lists are choices: a custom choice, a choicesByUrl value or an
 * unlisted matrix row or column is free text and not flattened; "other" text stored as the value
 * counts as the other item's value. Not flattened either: `-Comment` keys, free text (text
 * without numeric input, comment, multiple text, text expressions), file, signaturepad.
 * (question, item) is unique per response: a colliding later row is skipped.
 */
import { schemaOf, type FieldSchema } from './answers/schema'
import { isPlainObject, isPrimitive } from './answers/json'

export interface AnswerCell {
  question: string
  item: string
  value: string | null
  number: number | null
}

type Emit = (item: string, value: string | null, number: number | null) => void

const join = (prefix: string, part: string): string => (prefix ? `${prefix}.${part}` : part)

const numberOf = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null

function numericOf(value: unknown): number | null {
  if (typeof value === 'number') return numberOf(value)
  if (typeof value !== 'string' || value.trim() === '') return null
  return numberOf(Number(value))
}

/** A selected entry may be `{ value, comment }` (or keyed by valuePropertyName). */
function choiceOf(schema: FieldSchema, entry: unknown): unknown {
  if (!isPlainObject(entry)) return entry
  return Object.hasOwn(entry, schema.valueProp) ? entry[schema.valueProp] : entry.value
}

/** The listed value a choice stands for, or undefined for free text. */
function listedOf(schema: FieldSchema, choice: unknown): string | undefined {
  if (!isPrimitive(choice)) return undefined
  const value = String(choice)
  if (schema.listed?.has(value)) return value
  return typeof choice === 'string' ? schema.other : undefined
}

function emitChoice(emit: Emit, schema: FieldSchema, item: string, choice: unknown) {
  const value = listedOf(schema, choice)
  if (value !== undefined) emit(item, value, value === String(choice) ? numberOf(choice) : null)
}

/** Numeric inputs: a number only; text that is no number is free text. */
function emitNumber(emit: Emit, item: string, value: unknown) {
  const number = numericOf(value)
  if (number !== null) emit(item, String(value), number)
}

function flattenRecords(schema: FieldSchema, record: unknown, item: string, emit: Emit) {
  if (!isPlainObject(record) || !schema.fields) return
  for (const key of Object.keys(record)) {
    const field = schema.fields.get(key)
    if (field) flattenValue(field, record[key], join(item, key), emit)
  }
}

function flattenValue(schema: FieldSchema, value: unknown, item: string, emit: Emit): void {
  if (value === null || value === undefined) return
  switch (schema.type) {
    case 'checkbox':
    case 'tagbox':
    case 'imagepicker':
    case 'imagemap':
    case 'radiogroup':
    case 'dropdown':
    case 'buttongroup':
      if (!schema.multi) return emitChoice(emit, schema, item, choiceOf(schema, value))
      if (!Array.isArray(value)) return
      for (const entry of value) {
        const choice = choiceOf(schema, entry)
        const listed = listedOf(schema, choice)
        if (listed !== undefined) emitChoice(emit, schema, join(item, listed), choice)
      }
      return
    case 'ranking':
      if (!Array.isArray(value)) return
      value.forEach((choice, rank) => {
        if (schema.listed?.has(String(choice)) && isPrimitive(choice))
          emit(join(item, String(choice)), String(rank + 1), rank + 1)
      })
      return
    case 'boolean': {
      if (!isPrimitive(value)) return
      const number = value === schema.valueTrue ? 1 : value === schema.valueFalse ? 0 : null
      return emit(item, String(value), number)
    }
    case 'rating':
      if (isPrimitive(value)) emit(item, String(value), numericOf(value))
      return
    case 'slider':
      if (!schema.sliderRange) return emitNumber(emit, item, value)
      if (!Array.isArray(value)) return
      ;['from', 'to'].forEach((end, i) => emitNumber(emit, join(item, end), value[i]))
      return
    case 'text':
      if (schema.numeric) emitNumber(emit, item, value)
      return
    case 'expression':
      // A text result can repeat what a respondent typed: only numbers and booleans count.
      if (typeof value === 'boolean') return emit(item, String(value), value ? 1 : 0)
      if (numberOf(value) !== null) emit(item, String(value), numberOf(value))
      return
    case 'matrix':
      if (!isPlainObject(value)) return
      for (const row of Object.keys(value)) {
        const cell = value[row]
        if (!schema.rows?.has(row)) continue
        if (Array.isArray(cell))
          cell.forEach((c) => emitChoice(emit, schema, join(join(item, row), String(c)), c))
        else emitChoice(emit, schema, join(item, row), cell)
      }
      return
    case 'matrixdropdown':
      if (!isPlainObject(value)) return
      for (const row of Object.keys(value))
        if (schema.rows?.has(row)) flattenRecords(schema, value[row], join(item, row), emit)
      return
    case 'matrixdynamic':
    case 'paneldynamic':
      if (!Array.isArray(value)) return
      value.forEach((record, i) => flattenRecords(schema, record, join(item, String(i)), emit))
      return
    default:
      // comment, free text, multiple text, file, signaturepad: kept only in the JSON record
      return
  }
}

export function flattenAnswers(definition: object, answers: Record<string, unknown>): AnswerCell[] {
  const schema = schemaOf(definition)
  const cells: AnswerCell[] = []
  const seen = new Set<string>()
  for (const question of Object.keys(answers)) {
    const field = schema.get(question)
    if (!field) continue // -Comment keys, trigger variables: not aggregated
    flattenValue(field, answers[question], '', (item, value, number) => {
      const key = JSON.stringify([question, item])
      if (seen.has(key)) return
      seen.add(key)
      cells.push({ question, item, value, number })
    })
  }
  return cells
}
