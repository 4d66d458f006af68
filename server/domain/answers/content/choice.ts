import type { Question } from 'survey-core'
import { childPath, indexPath, INVALID, report, type CheckContext, type Checked } from '../context'
import { describeType, isPlainObject, isPrimitive, preview } from '../json'
import type { PlainChoice, PlainQuestion } from '../plain-question'
import { matchValue, valueKey } from './match'

interface ChoiceSet {
  choices: PlainChoice[]
  values: unknown[]
}

/** The visible choices (as survey-core computed them for the current answers) and their values. */
function choiceSet(q: PlainQuestion): ChoiceSet {
  return { choices: q.choices, values: q.choices.map((choice) => choice.value) }
}

interface Resolved {
  value: unknown
  choice?: PlainChoice
}

function resolveChoice(
  q: PlainQuestion,
  set: ChoiceSet,
  raw: unknown,
  path: string,
  ctx: CheckContext,
) {
  if (!isPrimitive(raw)) {
    return report(
      ctx,
      path,
      'invalid_type',
      `Expected a choice value but got ${describeType(raw)}.`,
    )
  }
  const match = matchValue(set.values, raw)
  if (match) return { value: match.value, choice: set.choices[set.values.indexOf(match.value)] }
  if (q.open || (q.otherInValue && typeof raw === 'string')) return { value: raw }
  return report(ctx, path, 'invalid_choice', `${preview(raw)} is not one of the available choices.`)
}

/** A selected entry: a plain value, or `{ value | <valuePropertyName>, comment }` in SurveyJS 3. */
function checkEntry(
  q: PlainQuestion,
  set: ChoiceSet,
  entry: unknown,
  valueProp: string,
  path: string,
  ctx: CheckContext,
): (Resolved & { stored: unknown }) | typeof INVALID {
  if (!isPlainObject(entry)) {
    const resolved = resolveChoice(q, set, entry, path, ctx)
    return resolved === INVALID ? INVALID : { ...resolved, stored: resolved.value }
  }
  const extra = Object.keys(entry).find((key) => key !== valueProp && key !== 'comment')
  if (extra !== undefined || !Object.hasOwn(entry, valueProp)) {
    const message = `A selected choice object has "${valueProp}" and an optional "comment".`
    return report(ctx, path, 'invalid_shape', message)
  }
  const resolved = resolveChoice(q, set, entry[valueProp], childPath(path, valueProp), ctx)
  if (resolved === INVALID) return INVALID
  if (Object.hasOwn(entry, 'comment') && !resolved.choice?.takesComment) {
    return report(ctx, childPath(path, 'comment'), 'invalid_shape', 'This choice takes no comment.')
  }
  return { ...resolved, stored: { ...entry, [valueProp]: resolved.value } }
}

/** radiogroup, dropdown, buttongroup, single imagepicker. */
export function checkSingleChoice(
  q: PlainQuestion,
  value: unknown,
  path: string,
  ctx: CheckContext,
): Checked {
  const result = checkEntry(q, choiceSet(q), value, 'value', path, ctx)
  return result === INVALID ? INVALID : result.stored
}

function checkCount(
  q: PlainQuestion,
  count: number,
  exclusive: boolean,
  path: string,
  ctx: CheckContext,
) {
  const max = q.maxSelected
  const min = q.minSelected
  if (max > 0 && count > max) {
    return report(ctx, path, 'out_of_range', `At most ${max} choices may be selected.`)
  }
  if (min > 0 && count < min && !exclusive) {
    return report(ctx, path, 'out_of_range', `At least ${min} choices must be selected.`)
  }
  return true
}

function checkSelection(
  q: PlainQuestion,
  value: unknown,
  path: string,
  ctx: CheckContext,
  valueProp: string,
): Checked {
  if (!Array.isArray(value)) {
    return report(
      ctx,
      path,
      'invalid_type',
      `Expected an array of choices but got ${describeType(value)}.`,
    )
  }
  const set = choiceSet(q)
  const seen = new Set<string>()
  const stored: unknown[] = []
  let exclusive: PlainChoice | undefined
  let invalid = false
  value.forEach((entry, i) => {
    const result = checkEntry(q, set, entry, valueProp, indexPath(path, i), ctx)
    if (result === INVALID) return void (invalid = true)
    const key = valueKey(result.value)
    if (seen.has(key)) {
      invalid = true
      return void report(
        ctx,
        indexPath(path, i),
        'invalid_shape',
        `${preview(result.value)} is selected twice.`,
      )
    }
    seen.add(key)
    if (result.choice?.exclusive) exclusive = result.choice
    stored.push(result.stored)
  })
  if (invalid) return INVALID
  if (exclusive && stored.length > 1) {
    const message = `${preview(exclusive.value)} cannot be combined with other choices.`
    return report(ctx, path, 'invalid_choice', message)
  }
  return checkCount(q, stored.length, exclusive !== undefined, path, ctx) === true
    ? stored
    : INVALID
}

/** checkbox, tagbox, multi-select imagepicker. */
export function checkMultiChoice(
  q: PlainQuestion,
  value: unknown,
  path: string,
  ctx: CheckContext,
): Checked {
  return checkSelection(q, value, path, ctx, q.valueProperty)
}

/** Ranking: an ordering of the visible choices (a subset when selectToRankEnabled). */
export function checkRanking(
  q: PlainQuestion,
  value: unknown,
  path: string,
  ctx: CheckContext,
): Checked {
  const stored = checkSelection(q, value, path, ctx, 'value')
  if (stored === INVALID || q.selectToRank) return stored
  const expected = q.choices.length
  if ((stored as unknown[]).length !== expected && !q.open) {
    const message = `All ${expected} choices must be ranked, got ${(stored as unknown[]).length}.`
    return report(ctx, path, 'invalid_shape', message)
  }
  return stored
}

export function checkBoolean(
  q: PlainQuestion,
  value: unknown,
  path: string,
  ctx: CheckContext,
): Checked {
  const { valueTrue, valueFalse } = q
  if (valueTrue === true && valueFalse === false) {
    if (typeof value === 'boolean') return value
    return report(
      ctx,
      path,
      'invalid_type',
      `Expected true or false but got ${describeType(value)}.`,
    )
  }
  const match = matchValue([valueTrue, valueFalse], value)
  if (match) return match.value
  const expected = `${preview(valueTrue)} or ${preview(valueFalse)}`
  return report(ctx, path, 'invalid_choice', `Expected ${expected} but got ${preview(value)}.`)
}

export function checkRating(
  q: PlainQuestion,
  value: unknown,
  path: string,
  ctx: CheckContext,
): Checked {
  const values = q.rateValues
  const match = isPrimitive(value) ? matchValue(values, value) : undefined
  if (match) return match.value
  const scale = values.map((v) => preview(v)).join(', ')
  return report(
    ctx,
    path,
    'invalid_choice',
    `${preview(value)} is not on the rating scale (${scale}).`,
  )
}

/** Image map areas work like choices: one area value, or an array of them. */
export function checkImageMap(
  q: Question,
  value: unknown,
  path: string,
  ctx: CheckContext,
): Checked {
  const areas: { value: unknown }[] = q.areas ?? []
  const values = areas.map((area) => area.value)
  const one = (raw: unknown, at: string) => {
    const match = isPrimitive(raw) ? matchValue(values, raw) : undefined
    return match
      ? match.value
      : report(ctx, at, 'invalid_choice', `${preview(raw)} is not an area.`)
  }
  if (!q.isMultiSelect) return one(value, path)
  if (!Array.isArray(value)) {
    return report(
      ctx,
      path,
      'invalid_type',
      `Expected an array of areas but got ${describeType(value)}.`,
    )
  }
  const stored = value.map((raw, i) => one(raw, indexPath(path, i)))
  return stored.includes(INVALID) ? INVALID : stored
}
