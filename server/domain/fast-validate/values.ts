// Question values as survey-core sees them after `survey.data = ...`: choice questions map a raw
// value onto the matching choice (valueFromData, loose comparison), everything else is raw.
import { Helpers, ItemValue } from 'survey-core'
import type { QuestionPlan } from './plan'

export function itemOf(q: QuestionPlan, raw: unknown): ItemValue | null {
  return q.choices ? ItemValue.getItemByValue(q.choices, raw) : null
}

export function questionValue(q: QuestionPlan, raw: unknown): unknown {
  if (!q.choices || !raw) return raw
  if (!q.multiple) return itemOf(q, raw)?.value ?? raw
  if (!Array.isArray(raw)) return raw
  return raw.map((entry: unknown) => itemOf(q, entry)?.value ?? entry)
}

/** Question.isEmpty(): survey-core trims strings, and [] or {} of empties count as empty. */
export function isSurveyEmpty(value: unknown): boolean {
  return Helpers.isValueEmpty(typeof value === 'string' ? value.trim() : value)
}

/** isOtherSelected: the "other" item is (among) the selected choices. */
export function isOtherSelected(q: QuestionPlan, raw: unknown): boolean {
  if (!q.otherItem || raw === undefined || raw === null) return false
  const entries = q.multiple ? (Array.isArray(raw) ? raw : []) : [raw]
  return entries.some((entry: unknown) => itemOf(q, entry) === q.otherItem)
}

/**
 * Values whose handling by survey-core is not modelled here: choice objects, and selections that
 * match no choice (it turns them into "other", and counts a checkbox holding only blank entries
 * as unanswered). Such answers are rejected or dropped anyway; survey-core words why.
 */
export function needsModel(q: QuestionPlan, raw: unknown): boolean {
  if (raw === undefined || raw === null) return false
  if (typeof raw === 'object' && !Array.isArray(raw)) return true // choice objects, comments
  if (Array.isArray(raw) && raw.some((entry) => typeof entry === 'object' && entry !== null)) {
    return true
  }
  if (!q.choices) return false
  const entries: unknown[] = Array.isArray(raw) ? raw : [raw]
  return entries.some((entry) => !itemOf(q, entry))
}
