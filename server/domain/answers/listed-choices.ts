// The values a definition itself lists for a choice-like question. Anything else a respondent
// can store there (a custom choice, a value fetched by choicesByUrl, "other" text kept as the
// value) is free text: it may identify someone, so it is never counted or exported by value.
import type { Question } from 'survey-core'

type Item = { value: unknown }

const valuesOf = (items: unknown): string[] =>
  Array.isArray(items) ? (items as Item[]).map((item) => String(item.value)) : []

/** Choices that come from outside the definition: no value of them is listed. */
export const isUnlisted = (q: Question): boolean =>
  Boolean(q.choicesByUrl?.url || q.isUsingRestful || q.choicesLazyLoadEnabled)

/** The listed choices a question draws on: its own, or those of `choicesFromQuestion`. */
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

/**
 * Listed values of a choice question (choices and the none/other/refuse/don't-know items), or
 * undefined when its choices are not in the definition. `fallback`: a matrix column's choices
 * when the column lists none of its own.
 */
export function listedChoices(q: Question, fallback: unknown = []): Set<string> | undefined {
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

/** The "other" item's value when its text is stored as the answer itself, not in `-Comment`. */
export function otherInValue(q: Question): string | undefined {
  const inValue =
    Boolean(q.showOtherItem) &&
    typeof q.getStoreOthersAsComment === 'function' &&
    !q.getStoreOthersAsComment()
  return inValue && q.otherItem && !isUnlisted(q) ? String(q.otherItem.value) : undefined
}
