// Choices shown by conditions (choicesVisibleIf with `{item}`, a choice's own visibleIf: XLSForm's
// choice_filter). survey-core re-filters a question's choices each time its conditions run, and
// clears a selection whose choice has just been hidden; that clearing is not replayed here. So a
// submission goes to the survey-core path whenever a selected choice is hidden at any point of
// logic (./logic.ts asks at every run of the question's conditions), and otherwise every selected
// choice stayed visible throughout, where checking against all the choices gives the same result.
import type { ItemValue, Question, SurveyModel } from 'survey-core'
import type { Condition } from './expressions'
import { choiceIndex } from './values'

export interface ChoiceFilter {
  /** The question's own choices (not other/none), as survey-core lists them when all show. */
  values: unknown[]
  /** Per choice: its own visibleIf, else the question's choicesVisibleIf, else null (shown). */
  conditions: (Condition | null)[]
}

export function isChoiceFiltered(q: Question): boolean {
  if (typeof q.choicesVisibleIf === 'string' && q.choicesVisibleIf.trim() !== '') return true
  return ((q.choices ?? []) as ItemValue[]).some(
    (item) => typeof item.visibleIf === 'string' && item.visibleIf.trim() !== '',
  )
}

/**
 * The question to read the choices of: its twin in `unfiltered` (the definition without choice
 * conditions, see withoutChoiceConditions) when its choices are filtered, else itself.
 */
export function listedQuestion(q: Question, unfiltered: SurveyModel | null): Question {
  if (!unfiltered || !isChoiceFiltered(q)) return q
  return unfiltered.getQuestionByName(q.name) ?? q
}

/** ItemValue.runConditionsForItems: a choice's own condition wins over choicesVisibleIf. */
export function choiceFilter(
  q: Question,
  compile: (expression: string) => Condition,
): ChoiceFilter {
  const byAll = q.choicesVisibleIf?.trim() ? compile(q.choicesVisibleIf) : null
  const choices = (q.choices ?? []) as ItemValue[]
  return {
    values: choices.map((item) => item.value),
    conditions: choices.map((item) => (item.visibleIf?.trim() ? compile(item.visibleIf) : byAll)),
  }
}

/** Whether every selected choice of the question is shown for these answers. */
export function selectedChoicesShown(
  filter: ChoiceFilter,
  value: unknown,
  multiple: boolean,
  valueOf: (name: string) => unknown,
): boolean {
  if (value === undefined || value === null) return true
  const entries: unknown[] = multiple ? (Array.isArray(value) ? value : []) : [value]
  return entries.every((entry) => {
    const index = choiceIndex(filter.values, entry)
    if (index < 0) return true // other, none or not a choice: never filtered
    const condition = filter.conditions[index]
    return condition === null || condition.run(valueOf, filter.values[index])
  })
}

/** The definition with every choice condition left out: to read the choices as all shown. */
export function withoutChoiceConditions(definition: object): object {
  const strip = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(strip)
    if (typeof node !== 'object' || node === null) return node
    const copy: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(node)) {
      if (key === 'choicesVisibleIf') continue
      copy[key] = key === 'choices' && Array.isArray(value) ? value.map(stripChoice) : strip(value)
    }
    return copy
  }
  const stripChoice = (choice: unknown): unknown => {
    if (typeof choice !== 'object' || choice === null || Array.isArray(choice)) return choice
    const { visibleIf: _, ...rest } = choice as Record<string, unknown>
    return strip(rest)
  }
  return strip(definition) as object
}
