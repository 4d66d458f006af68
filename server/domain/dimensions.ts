import { Model, type Question } from 'survey-core'
import './survey-core-setup.js'
import { isUnlisted } from './answers/listed-choices.js'
import { levelsChange, readLevels, type Level } from './dimension-levels.js'

/** Questions with these names group the results unless a definition declares its own list. */
export const DEFAULT_DIMENSIONS = ['sector', 'region', 'profession'] as const

const SINGLE_CHOICE_TYPES = new Set(['radiogroup', 'dropdown', 'buttongroup', 'imagepicker', 'boolean'])

export interface Dimension {
  name: string
  /** Every value a respondent can give: empty groups must be shown like suppressed ones. */
  values: string[]
  /** Required questions always have a value; optional ones add a "not answered" group. */
  required: boolean
}

export interface DimensionReport {
  dimensions: Dimension[]
  /** Coarser groupings of the dimensions' values (dimension-levels.ts). */
  levels: Level[]
  errors: string[]
}

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
  // Answers like any choice: a group of their own, never left out of the groups (decision 007).
  if (question.showRefuseItem) values.push(String(question.refuseItem?.value ?? 'refused'))
  if (question.showDontKnowItem) values.push(String(question.dontKnowItem?.value ?? 'dontknow'))
  return values.length > 0 ? values : `"${question.name}" has no choices`
}

/** The grouping dimensions of a definition: declared ones, else the default names present. */
export function readDimensions(definition: Record<string, unknown>): DimensionReport {
  const model = new Model(definition)
  try {
    const declared = definition.dimensions
    const errors: string[] = []
    if (declared !== undefined && !(Array.isArray(declared) && declared.every((d) => typeof d === 'string'))) {
      return { dimensions: [], levels: [], errors: ['"dimensions" must be a list of question names'] }
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
    const levels = readLevels(definition.levels, dimensions)
    return { dimensions, levels: levels.levels, errors: [...errors, ...levels.errors] }
  } finally {
    model.dispose()
  }
}

/**
 * Why `next` may not become a new version of a survey that has `current` (undefined: it may).
 * Releases, running counts and results are keyed by the dimension names, so an open or closed
 * survey keeps them; their values may grow (a new value had no respondents before).
 */
export function dimensionsChange(
  current: Record<string, unknown>,
  next: Record<string, unknown>,
): string | undefined {
  const [was, will] = [readDimensions(current), readDimensions(next)]
  const [before, after] = [was, will].map((report) => report.dimensions.map((d) => d.name))
  if (JSON.stringify(before) === JSON.stringify(after)) return levelsChange(was.levels, will.levels)
  const list = (values: string[]) => `[${values.join(', ')}]`
  return (
    `The dimensions must stay ${list(before)} (this version has ${list(after)}): ` +
    'releases and results are grouped by them.'
  )
}
