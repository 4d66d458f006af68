import { Model, Serializer, type Question } from 'survey-core'

// FROZEN SNAPSHOT, written for the migrations in db/migrations/ and never changed afterwards.
// How a survey definition named its grouping dimensions at commit f54cb81: readDimensions from
// server/domain/dimensions.ts, isUnlisted from server/domain/answers/listed-choices.ts and the
// survey-level properties of server/domain/survey-core-setup.ts. A migration must do what it did
// when it was written, so it may not follow later edits of live code. Need other rules? Write a
// new frozen file for the new migration; never edit this one.

// Our own survey-level properties, registered (once, whoever comes first) so survey-core loads
// definitions that use them without an unknown-property error. The same registration as the live
// setup's. (Its regex-validator patch is left out: nothing here validates answers.)
if (!Serializer.findProperty('survey', 'dimensions')) {
  Serializer.addProperty('survey', { name: 'dimensions', type: 'string[]' })
}
if (!Serializer.findProperty('survey', 'selfRating')) {
  Serializer.addProperty('survey', { name: 'selfRating', type: 'string' })
}

/** Questions with these names group the results unless a definition declares its own list. */
const DEFAULT_DIMENSIONS = ['sector', 'region', 'profession'] as const

const SINGLE_CHOICE_TYPES = new Set(['radiogroup', 'dropdown', 'buttongroup', 'imagepicker', 'boolean'])

export interface Dimension {
  name: string
  values: string[]
  required: boolean
}

/** Choices that come from outside the definition: no value of them is listed. */
export const isUnlisted = (q: Question): boolean =>
  Boolean(q.choicesByUrl?.url || q.isUsingRestful || q.choicesLazyLoadEnabled)

function choiceValues(question: Question): string[] | string {
  const type = question.getType()
  if (!SINGLE_CHOICE_TYPES.has(type) || (type === 'imagepicker' && question.multiSelect)) {
    return `"${question.name}" is a ${type} question; only single-choice questions can be dimensions`
  }
  if (type === 'boolean') {
    return [String(question.valueTrue ?? true), String(question.valueFalse ?? false)]
  }
  if (isUnlisted(question) || question.choicesFromQuestion) {
    return `"${question.name}" takes its choices from elsewhere; a dimension needs listed choices`
  }
  if (question.allowCustomChoices) {
    return `"${question.name}" lets respondents type their own choice, which could identify them`
  }
  if (question.showOtherItem) {
    return `"${question.name}" has a free-text "other" item, which could identify respondents`
  }
  const values = (question.choices as { value: unknown }[]).map((choice) => String(choice.value))
  if (question.showNoneItem) values.push(String(question.noneItem?.value ?? 'none'))
  if (question.showRefuseItem) values.push(String(question.refuseItem?.value ?? 'refused'))
  if (question.showDontKnowItem) values.push(String(question.dontKnowItem?.value ?? 'dontknow'))
  return values.length > 0 ? values : `"${question.name}" has no choices`
}

/** The grouping dimensions of a definition: declared ones, else the default names present. */
export function readDimensions(definition: Record<string, unknown>): {
  dimensions: Dimension[]
  errors: string[]
} {
  const model = new Model(definition)
  try {
    const declared = definition.dimensions
    const errors: string[] = []
    if (declared !== undefined && !(Array.isArray(declared) && declared.every((d) => typeof d === 'string'))) {
      return { dimensions: [], errors: ['"dimensions" must be a list of question names'] }
    }
    const names = (declared as string[] | undefined) ?? [...DEFAULT_DIMENSIONS]
    const dimensions: Dimension[] = []
    for (const name of new Set(names)) {
      const question = model.getQuestionByName(name) as Question | null
      if (!question) {
        if (declared) errors.push(`Dimension "${name}" is not a question of this survey`)
        continue
      }
      const values = choiceValues(question)
      if (typeof values === 'string') errors.push(values)
      else dimensions.push({ name, values, required: question.isRequired })
    }
    return { dimensions, errors }
  } finally {
    model.dispose()
  }
}

/** The names of the grouping dimensions, in order: all a migration keys counts by. */
export const dimensionNames = (definition: Record<string, unknown>): string[] =>
  readDimensions(definition).dimensions.map((dimension) => dimension.name)
