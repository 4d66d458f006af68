/**
 * Flattens validated answers into one row per atomic answered value, for SQL aggregation
 * (see docs/decisions/001-answer-storage.md). Rules by question type:
 * - single choice: item '', value = choice; number = the choice when it is a number
 * - checkbox/tagbox/multi imagepicker: one row per selected value, item = value = the choice
 * - boolean: value 'true'/'false' (or valueTrue/valueFalse), number 1/0
 * - rating, numeric text, slider, expression/calculated numbers: value and number
 *   (range slider: items 'from' and 'to')
 * - ranking: item = choice, value and number = 1-based rank
 * - matrix: item = row, value = column (checkbox cells: item = row.column)
 * - matrixdropdown: item = row.column, cells flattened by their own type (checkbox cells:
 *   row.column.value); matrixdynamic and paneldynamic: item = index.name (0-based index)
 * - multipletext: item = item name
 * Not flattened: `-Comment` keys, free text (text without numeric input, comment), file,
 * signaturepad. (question, item) is unique per response: a colliding later row is skipped.
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

function emitChoice(emit: Emit, item: string, choice: unknown) {
  if (isPrimitive(choice)) emit(item, String(choice), numberOf(choice))
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
      if (!schema.multi) return emitChoice(emit, item, choiceOf(schema, value))
      if (!Array.isArray(value)) return
      for (const entry of value) {
        const choice = choiceOf(schema, entry)
        if (isPrimitive(choice)) emitChoice(emit, join(item, String(choice)), choice)
      }
      return
    case 'ranking':
      if (!Array.isArray(value)) return
      value.forEach((choice, rank) => {
        if (isPrimitive(choice)) emit(join(item, String(choice)), String(rank + 1), rank + 1)
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
      if (!schema.sliderRange)
        return void (isPrimitive(value) && emit(item, String(value), numericOf(value)))
      if (!Array.isArray(value)) return
      ;['from', 'to'].forEach((end, i) => {
        if (isPrimitive(value[i])) emit(join(item, end), String(value[i]), numericOf(value[i]))
      })
      return
    case 'text':
      if (schema.numeric && isPrimitive(value)) emit(item, String(value), numericOf(value))
      return
    case 'expression':
      if (typeof value === 'boolean') return emit(item, String(value), value ? 1 : 0)
      if (isPrimitive(value)) emit(item, String(value), numberOf(value))
      return
    case 'matrix':
      if (!isPlainObject(value)) return
      for (const row of Object.keys(value)) {
        const cell = value[row]
        if (Array.isArray(cell))
          cell.forEach((c) => emitChoice(emit, join(join(item, row), String(c)), c))
        else emitChoice(emit, join(item, row), cell)
      }
      return
    case 'matrixdropdown':
      if (!isPlainObject(value)) return
      for (const row of Object.keys(value))
        flattenRecords(schema, value[row], join(item, row), emit)
      return
    case 'matrixdynamic':
    case 'paneldynamic':
      if (!Array.isArray(value)) return
      value.forEach((record, i) => flattenRecords(schema, record, join(item, String(i)), emit))
      return
    case 'multipletext':
      if (!isPlainObject(value) || !schema.fields) return
      for (const key of Object.keys(value)) {
        const inner = value[key]
        const numeric = schema.fields.get(key)?.numeric ? numericOf(inner) : numberOf(inner)
        if (schema.fields.has(key) && isPrimitive(inner))
          emit(join(item, key), String(inner), numeric)
      }
      return
    default:
      // comment, free text, file, signaturepad: kept only in the JSON record
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
