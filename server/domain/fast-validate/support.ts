// The subset the fast path reproduces exactly. Each check names what it refuses: a definition
// using any of it is validated by survey-core instead (slower, never different).
import {
  settings,
  type ItemValue,
  type PanelModelBase,
  type Question,
  type SurveyModel,
  type SurveyValidator,
} from 'survey-core'
import { commentKey } from '../answers/catalog'

const QUESTION_TYPES = new Set([
  'radiogroup',
  'dropdown',
  'checkbox',
  'tagbox',
  'buttongroup',
  'ranking',
  'rating',
  'boolean',
  'comment',
  'text',
  'html',
  'image',
  'empty',
  'matrix',
  'multipletext',
])
/** Choice questions compiled (their choices, "other" and none items: ./compile.ts). */
export const CHOICE_TYPES = new Set([
  'radiogroup',
  'dropdown',
  'buttongroup',
  'checkbox',
  'tagbox',
  'ranking',
])
// survey-core checks none of these headless except e-mail (compiled, ./errors.ts); a date-like
// type checks its bounds, which stay refused below ("number bounds").
const TEXT_INPUTS = new Set([
  '',
  'text',
  'number',
  'email',
  'tel',
  'url',
  'password',
  'color',
  'date',
  'datetime-local',
  'time',
  'month',
  'week',
])

const isSet = (value: unknown): boolean =>
  value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && !value.length)

export function commentKeyOf(survey: SurveyModel, q: Question): string {
  return commentKey(survey, q)
}

export function unsupportedSurvey(survey: SurveyModel): string {
  if (survey.triggers.length > 0) return 'triggers'
  if (survey.calculatedValues.length > 0) return 'calculated values'
  if (survey.isDisplayMode) return 'display mode'
  if (survey.firstPageIsStartPage) return 'start page'
  if (survey.questionsOnPageMode !== 'standard') return 'questionsOnPageMode'
  if (survey.questionsOrder === 'random') return 'random question order'
  if ((survey as unknown as { areEmptyElementsHidden: boolean }).areEmptyElementsHidden) {
    return 'hidden empty elements'
  }
  if (!survey.onExpressionRunning.isEmpty || !survey.onIsAnswerCorrect.isEmpty) return 'events'
  if (settings.readOnly.enableValidation) return 'read-only validation'
  return ''
}

export function unsupportedContainer(panel: PanelModelBase): string {
  const type = panel.getType()
  if (type !== 'page' && type !== 'panel') return `type ${type}`
  if (panel.isRequired || isSet(panel.requiredIf)) return 'required panel'
  if (panel.questionsOrder === 'random') return 'random question order'
  return ''
}

function unsupportedChoices(q: Question): string {
  if (isSet(q.choicesEnableIf)) return 'choice conditions'
  // shown choices (./choice-filter.ts), but not where their number or order is part of the answer
  const filtered =
    isSet(q.choicesVisibleIf) || (q.choices as ItemValue[]).some((c) => isSet(c.visibleIf))
  if (filtered && (q.getType() === 'ranking' || q.choicesOrder === 'random')) {
    return 'choice conditions'
  }
  if (isSet(q.choicesFromQuestion)) return 'choicesFromQuestion'
  if (isSet(q.choicesByUrl?.url) || q.choicesLazyLoadEnabled) return 'remote choices'
  if (q.allowCustomChoices || q.hideIfChoicesEmpty || q.showSelectAllItem) return 'choice options'
  if (q.minSelectedChoices > 0 || q.maxSelectedChoices > 0) return 'selection limits'
  if (q.valuePropertyName) return 'valuePropertyName'
  if (q.showOtherItem && !q.getStoreOthersAsComment()) return 'other stored in value'
  // every choice, not only those visible now: a hidden one has a condition too
  for (const item of [...(q.choices as ItemValue[]), ...(q.visibleChoices as ItemValue[])]) {
    if (isSet(item.enableIf)) return 'choice conditions'
    if (isSet(item.visibleIf) && !(q.choices as ItemValue[]).includes(item)) {
      return 'choice conditions' // on other or none
    }
    if (item.showCommentArea && item !== q.otherItem) return 'choice comments'
  }
  return ''
}

// Validators whose result depends on the value alone, on questions whose validated value is the
// value itself (text, comment): ./errors.ts runs survey-core's own objects on it.
const VALUE_VALIDATORS = new Set([
  'numericvalidator',
  'textvalidator',
  'regexvalidator',
  'emailvalidator',
])
const VALUE_TYPES = new Set(['text', 'comment'])

/**
 * Expression validators (XLSForm's constraints) on any question: their condition is compiled as
 * visibleIf is (./compile.ts refuses one it cannot). Their default text quotes the expression as
 * written (survey-core fills in no answers there: the property tests compare it).
 */
function unsupportedValidators(q: Question, expressions = true): string {
  const validators = (q.validators ?? []) as SurveyValidator[]
  for (const validator of validators) {
    const type = validator.getType()
    if (type === 'expressionvalidator') {
      if (!expressions) return 'expression validator'
    } else if (!VALUE_VALIDATORS.has(type)) return `validator ${type}`
    else if (!VALUE_TYPES.has(q.getType())) return 'validators'
    // warnings and notes do not block a submission: left to the survey-core path
    if ((validator.notificationType ?? 'error') !== 'error') return 'validator notification'
    // "{name}" in a message is filled from the answers when survey-core words it
    const text: unknown = validator.toJSON().text ?? ''
    const texts = typeof text === 'object' && text !== null ? Object.values(text) : [text]
    if (texts.some((one) => String(one).includes('{'))) return 'validator text'
  }
  return ''
}

/** A text question's input (also a multiple-text item's editor). */
function unsupportedTextInput(q: Question): string {
  if (!TEXT_INPUTS.has(String(q.inputType ?? ''))) return `input type ${q.inputType}`
  if (isSet(q.maskType) && q.maskType !== 'none') return 'input mask'
  // A number's bounds are replayed (./errors.ts); date bounds compare as dates in survey-core,
  // and a step has an error of its own: left to the survey-core path.
  const bounded = isSet(q.min) || isSet(q.max)
  if (isSet(q.step) || (bounded && q.inputType !== 'number')) return 'number bounds'
  // "{name}" in a message is filled from the answers when survey-core words it
  if (bounded && `${q.minErrorText}${q.maxErrorText}`.replace(/\{0\}/g, '').includes('{')) {
    return 'bound error text'
  }
  return ''
}

/** Multiple text whose items are plain text inputs, each always shown. */
function unsupportedTextItems(q: Question): string {
  if (isSet(q.correctAnswer)) return 'multiple text quiz'
  for (const item of (q.items ?? []) as { name: string; editor: Question }[]) {
    const { name, editor } = item
    if (!name || name.endsWith('-Comment') || name === '__proto__') return `item name ${name}`
    if (isSet(editor.visibleIf) || isSet(editor.enableIf) || isSet(editor.requiredIf)) {
      return `item ${name}: conditions`
    }
    if (isSet(editor.defaultValue) || isSet(editor.defaultValueExpression)) {
      return `item ${name}: default value`
    }
    // an item's expression would read values through the item: not modelled
    const reason = unsupportedValidators(editor, false) || unsupportedTextInput(editor)
    if (reason) return `item ${name}: ${reason}`
  }
  return ''
}

/** A single-select matrix whose rows and columns are all shown, whatever the answers. */
function unsupportedMatrix(q: Question): string {
  if (q.isMultiSelect) return 'matrix cell type'
  // survey-core scores a matrix quiz per row (its own quiz counts); ./quiz.ts scores per question
  if (isSet(q.correctAnswer)) return 'matrix quiz'
  if ((q.rows ?? []).length === 0) return 'matrix without rows'
  if (isSet(q.rowsVisibleIf) || isSet(q.columnsVisibleIf)) return 'matrix conditions'
  if (q.rowOrder === 'random' || q.hideIfRowsEmpty) return 'matrix row options'
  for (const item of [...(q.rows as ItemValue[]), ...(q.columns as ItemValue[])]) {
    if (isSet(item.visibleIf) || isSet(item.enableIf)) return 'matrix conditions'
  }
  return ''
}

export function unsupportedQuestion(q: Question): string {
  const type = q.getType()
  if (!QUESTION_TYPES.has(type)) return `type ${type}`
  if (q.getValueName() !== q.name) return 'valueName'
  if (q.name !== q.name.trim() || !q.name) return 'name with spaces' // survey-core trims data keys
  // assigning it sets a prototype, not a key: runCompiled copies answers as plain keys only
  if (q.name === '__proto__') return 'reserved name'
  if (q.parentQuestion) return 'nested question'
  if (q.customWidget) return 'custom widget'
  if (isSet(q.defaultValueExpression)) return 'default value expression'
  if (isSet(q.setValueIf) || isSet(q.setValueExpression) || isSet(q.resetValueIf)) {
    return 'value expressions'
  }
  const validatorReason = unsupportedValidators(q)
  if (validatorReason) return validatorReason
  if (q.allowSpaceAsAnswer) return 'allowSpaceAsAnswer'
  // a comment area beside "other" moves the other text into the value: see unsupportedChoices
  if (isSet(q.minValueExpression) || isSet(q.maxValueExpression)) return 'bound expressions'
  if (type === 'text') return unsupportedTextInput(q)
  if (type === 'multipletext') return unsupportedTextItems(q)
  if (type === 'rating') {
    const rates = [...(q.rateValues as ItemValue[]), ...(q.visibleRateValues as ItemValue[])]
    for (const item of rates) {
      if (isSet(item.visibleIf) || isSet(item.enableIf)) return 'rate value conditions'
    }
  }
  if (type === 'matrix') return unsupportedMatrix(q)
  if (CHOICE_TYPES.has(type)) return unsupportedChoices(q)
  return ''
}
