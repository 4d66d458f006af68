import { Model, type Question } from 'survey-core'
import './survey-core-setup.js'
import type { QuestionKind } from './aggregate-view.js'
import { isUnlisted } from './answers/listed-choices.js'

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
])

/**
 * How each top-level question is summarised in aggregates; free text is left out on purpose:
 * multiple text, and choice questions whose choices the definition does not list (choicesByUrl).
 */
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
      else if (CHOICE_TYPES.has(type) && !isUnlisted(question))
        kinds.set(question.getValueName(), 'choice')
    }
    return kinds
  } finally {
    model.dispose()
  }
}
