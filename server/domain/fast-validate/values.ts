// Question values as survey-core sees them after `survey.data = ...`: choice questions map a raw
// value onto the matching choice (valueFromData, loose comparison), everything else is raw.
import { Helpers } from 'survey-core'
import type { QuestionPlan } from './plan'

/**
 * Index of the choice ItemValue.getItemByValue(choices, raw) returns, -1 for none: the first
 * whose value is empty when raw is, or equals raw as survey-core compares (case-sensitive here).
 */
export function choiceIndex(values: unknown[], raw: unknown): number {
  const rawIsEmpty = Helpers.isValueEmpty(raw)
  for (let i = 0; i < values.length; i++) {
    if (rawIsEmpty && Helpers.isValueEmpty(values[i])) return i
    if (Helpers.isTwoValueEquals(values[i], raw, false, true, false)) return i
  }
  return -1
}

/** The matching choice's value (`item?.value ?? raw` in survey-core terms). */
function choiceValue(values: unknown[], raw: unknown): unknown {
  const index = choiceIndex(values, raw)
  return index >= 0 ? (values[index] ?? raw) : raw
}

export function questionValue(q: QuestionPlan, raw: unknown): unknown {
  const values = q.choiceValues
  if (!values || !raw) return raw
  if (!q.multiple) return choiceValue(values, raw)
  if (!Array.isArray(raw)) return raw
  return raw.map((entry: unknown) => choiceValue(values, entry))
}

/** Question.isEmpty(): survey-core trims strings, and [] or {} of empties count as empty. */
export function isSurveyEmpty(value: unknown): boolean {
  return Helpers.isValueEmpty(typeof value === 'string' ? value.trim() : value)
}

/** isOtherSelected: the "other" item is (among) the selected choices. */
export function isOtherSelected(q: QuestionPlan, raw: unknown): boolean {
  if (!q.choiceValues || q.otherIndex < 0 || raw === undefined || raw === null) return false
  const values = q.choiceValues
  const entries = q.multiple ? (Array.isArray(raw) ? raw : []) : [raw]
  return entries.some((entry: unknown) => choiceIndex(values, entry) === q.otherIndex)
}

/** A matrix answer whose cells are all among its columns is modelled; survey-core clears others. */
function matrixNeedsModel(columns: unknown[], raw: unknown): boolean {
  if (typeof raw !== 'object' || Array.isArray(raw)) return true
  return Object.values(raw as object).some(
    (cell) => cell === null || typeof cell === 'object' || choiceIndex(columns, cell) < 0,
  )
}

/**
 * Values whose handling by survey-core is not modelled here: choice objects, and selections that
 * match no choice (it turns them into "other", and counts a checkbox holding only blank entries
 * as unanswered). Such answers are rejected or dropped anyway; survey-core words why.
 */
export function needsModel(q: QuestionPlan, raw: unknown): boolean {
  if (raw === undefined || raw === null) return false
  if (q.matrix) return matrixNeedsModel(q.matrix.columns, raw)
  // multiple text: items of text; anything nested is left to survey-core
  if (q.items) {
    if (typeof raw !== 'object' || Array.isArray(raw)) return true
    return Object.values(raw as object).some((item) => typeof item === 'object' && item !== null)
  }
  if (typeof raw === 'object' && !Array.isArray(raw)) return true // choice objects, comments
  if (Array.isArray(raw) && raw.some((entry) => typeof entry === 'object' && entry !== null)) {
    return true
  }
  const values = q.choiceValues
  if (!values) return false
  const entries: unknown[] = Array.isArray(raw) ? raw : [raw]
  return entries.some((entry) => choiceIndex(values, entry) < 0)
}
