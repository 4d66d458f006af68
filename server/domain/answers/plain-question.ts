// What the checks of a plain question (text, comment, choices, rating, boolean) read from it, as
// plain data. survey-core's getters cost microseconds each (property lookups, defaults, loading
// flags), so the compiled path reads them once per definition (../fast-validate); the survey-core
// path reads them from the live model at check time, after logic, as before. Both then run the
// same checks (./shape, ./content) on this, so they cannot drift apart.
import type { ItemValue, Question } from 'survey-core'

export interface PlainChoice {
  value: unknown
  /** None, refuse, don't-know items and `isExclusive` choices: selected alone. */
  exclusive: boolean
  /** Its own comment area, or the "other" item. */
  takesComment: boolean
}

export interface PlainQuestion {
  type: string
  // text and comment (raw property values; the checks interpret them)
  inputType: unknown
  maskType: unknown
  saveMaskedValue: boolean
  /** renderedMin ?? min, renderedMax ?? max. */
  min: unknown
  max: unknown
  /** getMaxLength() (the question's or the survey's), NaN or 0 when none. */
  maxLength: number
  // choice questions: the visible choices, select-all left out
  choices: PlainChoice[]
  /** Choices the server cannot know (choicesByUrl, lazy loading) or custom choices allowed. */
  open: boolean
  /** "Other" text stored as the value itself instead of in `-Comment`. */
  otherInValue: boolean
  /** Key of the value in selected-choice objects of multiple-choice questions. */
  valueProperty: string
  minSelected: number
  maxSelected: number
  selectToRank: boolean
  // boolean
  valueTrue: unknown
  valueFalse: unknown
  // rating: the visible rate values
  rateValues: unknown[]
  // single-select matrix: the keys of its rows (all shown: row conditions are not compiled) and
  // the values of its visible columns
  matrixRows: ReadonlySet<string>
  matrixColumns: unknown[]
  // multiple text: each item's text editor
  items: { name: string; editor: PlainQuestion }[]
}

const CHOICE_TYPES = new Set([
  'radiogroup',
  'dropdown',
  'buttongroup',
  'imagepicker',
  'checkbox',
  'tagbox',
  'ranking',
])

function choicesOf(q: Question): PlainChoice[] {
  const selectAll = q.getType() === 'checkbox' ? q.selectAllItem : undefined
  const exclusiveItems = [q.noneItem, q.refuseItem, q.dontKnowItem]
  return (q.visibleChoices as ItemValue[])
    .filter((item) => item !== selectAll)
    .map((item) => ({
      value: item.value,
      exclusive: exclusiveItems.includes(item) || item.isExclusive === true,
      takesComment: item.showCommentArea === true || item === q.otherItem,
    }))
}

/** The keys a single-select matrix's value may hold: its rows' values. */
export function matrixRowKeys(q: Question): Set<string> {
  const rows: { value: unknown }[] = q.rows ?? []
  const keys = new Set(rows.map((row) => String(row.value)))
  if (keys.size === 0) keys.add('default') // SurveyJS's row name for a matrix without rows
  return keys
}

/** Reads a question's check inputs, only those its type uses. */
export function plainQuestion(q: Question): PlainQuestion {
  const type = q.getType()
  const plain: PlainQuestion = {
    type,
    inputType: undefined,
    maskType: undefined,
    saveMaskedValue: false,
    min: undefined,
    max: undefined,
    maxLength: NaN,
    choices: [],
    open: false,
    otherInValue: false,
    valueProperty: 'value',
    minSelected: 0,
    maxSelected: 0,
    selectToRank: false,
    valueTrue: undefined,
    valueFalse: undefined,
    rateValues: [],
    matrixRows: new Set(),
    matrixColumns: [],
    items: [],
  }
  if (CHOICE_TYPES.has(type)) {
    plain.choices = choicesOf(q)
    plain.open = Boolean(q.isUsingRestful || q.choicesLazyLoadEnabled || q.allowCustomChoices)
    plain.otherInValue =
      Boolean(q.showOtherItem) &&
      typeof q.getStoreOthersAsComment === 'function' &&
      !q.getStoreOthersAsComment()
    const prop = typeof q.getValuePropertyName === 'function' ? q.getValuePropertyName() : ''
    plain.valueProperty = prop || q.valuePropertyName || 'value'
    plain.minSelected = Number(q.minSelectedChoices)
    plain.maxSelected = Number(q.maxSelectedChoices)
    plain.selectToRank = Boolean(q.selectToRankEnabled)
  } else if (type === 'boolean') {
    plain.valueTrue = q.getValueTrue()
    plain.valueFalse = q.getValueFalse()
  } else if (type === 'rating') {
    plain.rateValues = (q.visibleRateValues as ItemValue[]).map((item) => item.value)
  } else if (type === 'multipletext') {
    const items: { name: string; editor: Question }[] = q.items ?? []
    plain.items = items.map((item) => ({ name: item.name, editor: plainQuestion(item.editor) }))
  } else if (type === 'matrix') {
    plain.matrixRows = matrixRowKeys(q)
    plain.matrixColumns = (q.visibleColumns as ItemValue[]).map((column) => column.value)
  } else {
    plain.inputType = q.inputType
    plain.maskType = q.maskType
    plain.saveMaskedValue = Boolean(q.maskSettings?.saveMaskedValue)
    plain.min = q.renderedMin ?? q.min
    plain.max = q.renderedMax ?? q.max
    plain.maxLength =
      typeof q.getMaxLength === 'function' ? Number(q.getMaxLength()) : Number(q.maxLength)
  }
  return plain
}
