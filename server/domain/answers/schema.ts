// A plain, immutable description of a definition's answer structure, derived once from survey-core
// and cached by the definition's JSON text (never by object identity, so an edited definition
// cannot hit a stale entry). Used where no answers need to run through a live model.
import { Model, type Question } from 'survey-core'
import { isDisplayQuestion } from './catalog'
import { listedChoices, otherInValue } from './listed-choices'

export interface FieldSchema {
  type: string
  /** Text-like input that stores numbers (inputType number/range, numeric masks). */
  numeric: boolean
  /** Choice-like question storing an array. */
  multi: boolean
  valueTrue: unknown
  valueFalse: unknown
  /** Key of the choice value in object entries (`{ value, comment }`, valuePropertyName). */
  valueProp: string
  sliderRange: boolean
  /**
   * Choice-like questions and matrices: the values the definition lists. Anything else is free
   * text and never flattened; an empty set when the choices are not in the definition.
   */
  listed?: ReadonlySet<string>
  /** The "other" value when its text is stored as the answer itself (counted as this value). */
  other?: string
  /** Matrix rows (single matrix and matrixdropdown). */
  rows?: ReadonlySet<string>
  /** Matrix columns, dynamic-panel questions, multiple-text items. */
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
const CACHE_SIZE = 32
const cache = new Map<string, Map<string, FieldSchema>>()
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

// The server hands the same parsed definition object to every submission of a version: looking
// it up by identity first spares serialising the whole definition for each one.
const byObject = new WeakMap<object, Map<string, FieldSchema>>()

export function schemaOf(definition: object): Map<string, FieldSchema> {
  const known = byObject.get(definition)
  if (known) return known
  const schema = schemaByText(definition)
  byObject.set(definition, schema)
  return schema
}

function schemaByText(definition: object): Map<string, FieldSchema> {
  const key = JSON.stringify(definition)
  const hit = cache.get(key)
  if (hit) {
    cache.delete(key) // re-insert: Map order doubles as LRU order
    cache.set(key, hit)
    return hit
  }
  const schema = build(definition)
  cache.set(key, schema)
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string)
  return schema
}
