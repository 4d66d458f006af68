import { Model, type Question } from 'survey-core'
import { isUnlisted } from './dimensions.js'

// FROZEN SNAPSHOT, written for the migrations in db/migrations/ and never changed afterwards.
// The answer-flattening rules at commit f54cb81 (decision 001): flattenAnswers from
// server/domain/flatten-answers.ts with what it used of server/domain/answers/ (schema.ts,
// listed-choices.ts, json.ts, catalog.ts). Only the cache keyed by definition text is left out
// (the one keyed by the definition object stays); the rows are the same. A migration must do
// what it did when it was written, so it may not follow later edits of live code. Need other
// rules? Write a new frozen file for the new migration; never edit this one.

export interface AnswerCell {
  question: string
  item: string
  value: string | null
  number: number | null
}

// --- server/domain/answers/json.ts

type PlainObject = Record<string, unknown>

function isPlainObject(value: unknown): value is PlainObject {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false
  const proto: unknown = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

function isPrimitive(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
}

// --- server/domain/answers/catalog.ts

const DISPLAY_TYPES = new Set(['html', 'image', 'empty'])

function isDisplayQuestion(question: Question): boolean {
  return DISPLAY_TYPES.has(question.getType())
}

// --- server/domain/answers/listed-choices.ts

type Item = { value: unknown }

const valuesOf = (items: unknown): string[] =>
  Array.isArray(items) ? (items as Item[]).map((item) => String(item.value)) : []

function baseChoices(q: Question, seen: Set<Question>): string[] | undefined {
  if (isUnlisted(q)) return undefined
  const source = q.choicesFromQuestion
    ? (q.survey?.getQuestionByName(q.choicesFromQuestion) as Question | null)
    : null
  if (!source || seen.has(source)) return valuesOf(q.choices)
  seen.add(source)
  const inherited = baseChoices(source, seen)
  return inherited && [...inherited, ...valuesOf(q.choices)]
}

function listedChoices(q: Question, fallback: unknown = []): Set<string> | undefined {
  const base = baseChoices(q, new Set([q]))
  if (!base) return undefined
  const values = base.length > 0 || q.choicesFromQuestion ? base : valuesOf(fallback)
  if (q.getType() === 'imagemap') values.push(...valuesOf(q.areas))
  for (const [shown, item] of [
    [q.showNoneItem, q.noneItem],
    [q.showOtherItem, q.otherItem],
    [q.showRefuseItem, q.refuseItem],
    [q.showDontKnowItem, q.dontKnowItem],
  ] as [boolean, Item | undefined][]) {
    if (shown && item) values.push(String(item.value))
  }
  return new Set(values)
}

function otherInValue(q: Question): string | undefined {
  const inValue =
    Boolean(q.showOtherItem) &&
    typeof q.getStoreOthersAsComment === 'function' &&
    !q.getStoreOthersAsComment()
  return inValue && q.otherItem && !isUnlisted(q) ? String(q.otherItem.value) : undefined
}

// --- server/domain/answers/schema.ts

interface FieldSchema {
  type: string
  numeric: boolean
  multi: boolean
  valueTrue: unknown
  valueFalse: unknown
  valueProp: string
  sliderRange: boolean
  listed?: ReadonlySet<string>
  other?: string
  rows?: ReadonlySet<string>
  fields?: Map<string, FieldSchema>
}

const NUMERIC_INPUTS = new Set(['number', 'range'])
const NUMERIC_MASKS = new Set(['numeric', 'currency'])
const CHOICE_TYPES = new Set([
  'checkbox',
  'tagbox',
  'imagepicker',
  'imagemap',
  'radiogroup',
  'dropdown',
  'buttongroup',
  'ranking',
])
const CALCULATED: FieldSchema = {
  type: 'expression',
  numeric: false,
  multi: false,
  valueTrue: undefined,
  valueFalse: undefined,
  valueProp: 'value',
  sliderRange: false,
}

function isMulti(q: Question): boolean {
  const type = q.getType()
  if (type === 'checkbox' || type === 'tagbox' || type === 'ranking') return true
  if (type === 'imagepicker') return Boolean(q.multiSelect)
  if (type === 'imagemap' || type === 'matrix') return Boolean(q.isMultiSelect)
  return false
}

const valueSet = (items: unknown) =>
  new Set(Array.isArray(items) ? items.map((i: { value: unknown }) => String(i.value)) : [])

function describe(q: Question, type = q.getType(), matrixChoices: unknown = []): FieldSchema {
  const schema: FieldSchema = {
    type,
    numeric:
      NUMERIC_INPUTS.has(String(q.inputType ?? '').toLowerCase()) ||
      (NUMERIC_MASKS.has(String(q.maskType)) && !q.maskSettings?.saveMaskedValue),
    multi: isMulti(q),
    valueTrue: type === 'boolean' ? q.getValueTrue() : undefined,
    valueFalse: type === 'boolean' ? q.getValueFalse() : undefined,
    valueProp:
      (typeof q.getValuePropertyName === 'function' && q.getValuePropertyName()) ||
      q.valuePropertyName ||
      'value',
    sliderRange: type === 'slider' && q.sliderType === 'range',
  }
  if (CHOICE_TYPES.has(type)) {
    schema.listed = listedChoices(q, matrixChoices) ?? new Set()
    schema.other = otherInValue(q)
  }
  if (type === 'matrix') {
    schema.listed = valueSet(q.columns)
    schema.rows = valueSet(q.rows)
  }
  if (type === 'matrixdropdown' || type === 'matrixdynamic') {
    const columns: { name: string; templateQuestion: Question }[] = q.columns ?? []
    const inner = (c: Question) => describe(c, c.getType(), q.choices)
    schema.fields = new Map(columns.map((c) => [c.name, inner(c.templateQuestion)]))
    if (type === 'matrixdropdown') schema.rows = valueSet(q.rows)
  } else if (type === 'paneldynamic') {
    const inner: Question[] = q.template.questions
    schema.fields = new Map(inner.map((iq) => [iq.getValueName(), describe(iq)]))
  } else if (type === 'multipletext') {
    const items: { name: string; editor: Question }[] = q.items ?? []
    schema.fields = new Map(items.map((item) => [item.name, describe(item.editor, 'text')]))
  }
  return schema
}

function build(definition: object): Map<string, FieldSchema> {
  const survey = new Model(definition)
  const schema = new Map<string, FieldSchema>()
  for (const question of survey.getAllQuestions(false, false, false) as Question[]) {
    const name = question.getValueName()
    if (name && !isDisplayQuestion(question) && !schema.has(name))
      schema.set(name, describe(question))
  }
  for (const calculated of survey.calculatedValues) {
    if (calculated.includeIntoResult && calculated.name && !schema.has(calculated.name)) {
      schema.set(calculated.name, CALCULATED)
    }
  }
  survey.dispose()
  return schema
}

// One parsed definition serves every response of its version: built once per object.
const byObject = new WeakMap<object, Map<string, FieldSchema>>()

function schemaOf(definition: object): Map<string, FieldSchema> {
  const known = byObject.get(definition)
  if (known) return known
  const schema = build(definition)
  byObject.set(definition, schema)
  return schema
}

// --- server/domain/flatten-answers.ts

type Emit = (item: string, value: string | null, number: number | null) => void

const join = (prefix: string, part: string): string => (prefix ? `${prefix}.${part}` : part)

const numberOf = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null

function numericOf(value: unknown): number | null {
  if (typeof value === 'number') return numberOf(value)
  if (typeof value !== 'string' || value.trim() === '') return null
  return numberOf(Number(value))
}

function choiceOf(schema: FieldSchema, entry: unknown): unknown {
  if (!isPlainObject(entry)) return entry
  return Object.hasOwn(entry, schema.valueProp) ? entry[schema.valueProp] : entry.value
}

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

/** One row per atomic answered value; (question, item) is unique (a later collision is skipped). */
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
