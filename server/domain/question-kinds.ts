import { Model, type Question } from 'survey-core'
import './survey-core-setup.js'
import type { QuestionKind } from './aggregate-view.js'

const NUMERIC_INPUTS = new Set(['number', 'range'])
const CHOICE_TYPES = new Set([
  'radiogroup',
  'dropdown',
  'checkbox',
  'tagbox',
  'boolean',
  'imagepicker',
  'buttongroup',
  'ranking',
  'matrix',
  'matrixdropdown',
  'matrixdynamic',
  'multipletext',
])

/** How each top-level question is summarised in aggregates; free text is left out on purpose. */
export function questionKinds(definition: Record<string, unknown>): Map<string, QuestionKind> {
  const model = new Model(definition)
  try {
    const kinds = new Map<string, QuestionKind>()
    for (const question of model.getAllQuestions(false, false, false) as Question[]) {
      const type = question.getType()
      const numeric =
        type === 'rating' ||
        type === 'slider' ||
        (type === 'text' && NUMERIC_INPUTS.has(question.inputType))
      if (numeric) kinds.set(question.getValueName(), 'numeric')
      else if (CHOICE_TYPES.has(type)) kinds.set(question.getValueName(), 'choice')
    }
    return kinds
  } finally {
    model.dispose()
  }
}
