import { settings, type Question, type SurveyModel } from 'survey-core'

/**
 * What a top-level key of the answers object may stand for. `Q` is how questions are held: live
 * survey-core questions, or their plain check inputs on the compiled path (../fast-validate).
 */
export type KeyEntry<Q = Question> =
  /** One or more questions storing their value under this name (valueName may be shared). */
  | { kind: 'question'; questions: Q[] }
  /**
   * `<valueName>-Comment`: "other" text or a comment area. Both are definition properties, read
   * when the catalog is built (the model holds no answers yet then, as when pass 1 reads them).
   */
  | { kind: 'comment'; valueName: string; commentArea: boolean }
  /** Expression question, calculated value with includeIntoResult, matrix totals: recomputed. */
  | { kind: 'computed' }
  /** Target of a setValue/copyValue/runExpression trigger that is no question. */
  | { kind: 'variable' }
  /** html/image elements: shown content, never an answer. */
  | { kind: 'display'; type: string }

const DISPLAY_TYPES = new Set(['html', 'image', 'empty'])
const COMPUTED_TYPES = new Set(['expression'])
const VALUE_TRIGGERS = new Set(['setvaluetrigger', 'copyvaluetrigger', 'runexpressiontrigger'])

export function isDisplayQuestion(question: Question): boolean {
  return DISPLAY_TYPES.has(question.getType())
}

export function commentKey(survey: SurveyModel, question: Question): string {
  return question.getValueName() + (survey.commentSuffix || settings.commentSuffix)
}

export function hasCommentArea(question: Question): boolean {
  return Boolean(question.showCommentArea && question.supportComment())
}

/** Whether SurveyJS may store a `-Comment` value next to this question's value. */
export function hasCommentValue(question: Question): boolean {
  return Boolean(question.showOtherItem && question.supportOther()) || hasCommentArea(question)
}

/** Every key a respondent's `survey.data` can legitimately contain, and what it means. */
export function buildCatalog(survey: SurveyModel): Map<string, KeyEntry> {
  const catalog = new Map<string, KeyEntry>()
  const questions = survey.getAllQuestions(false, false, false)
  for (const question of questions) {
    const name = question.getValueName()
    if (!name) continue
    if (isDisplayQuestion(question)) {
      if (!catalog.has(name)) catalog.set(name, { kind: 'display', type: question.getType() })
    } else if (COMPUTED_TYPES.has(question.getType())) {
      catalog.set(name, { kind: 'computed' })
    } else {
      const entry = catalog.get(name)
      if (entry?.kind === 'question') entry.questions.push(question)
      else catalog.set(name, { kind: 'question', questions: [question] })
    }
  }
  for (const question of questions) {
    if (isDisplayQuestion(question) || !hasCommentValue(question)) continue
    const key = commentKey(survey, question)
    if (catalog.has(key)) continue
    const valueName = question.getValueName()
    catalog.set(key, { kind: 'comment', valueName, commentArea: hasCommentArea(question) })
  }
  for (const question of questions) {
    if (!question.hasTotal) continue
    const key = question.getValueName() + settings.matrix.totalsSuffix
    if (!catalog.has(key)) catalog.set(key, { kind: 'computed' })
  }
  for (const calculated of survey.calculatedValues) {
    if (calculated.includeIntoResult && calculated.name && !catalog.has(calculated.name)) {
      catalog.set(calculated.name, { kind: 'computed' })
    }
  }
  for (const trigger of survey.triggers) {
    const target: unknown = (trigger as { setToName?: unknown }).setToName
    const isVariable = (trigger as { isVariable?: unknown }).isVariable === true
    if (!VALUE_TRIGGERS.has(trigger.getType()) || isVariable) continue
    if (typeof target === 'string' && target && !catalog.has(target)) {
      catalog.set(target, { kind: 'variable' })
    }
  }
  return catalog
}

export const isShown = (question: Question): boolean =>
  question.isVisible && question.isParentVisible

/** The question that speaks for a shared value name: a visible one if any. */
export function primaryQuestion(questions: Question[]): Question {
  // one question per name is the rule; its visibility getters are not cheap
  if (questions.length === 1) return questions[0]
  return questions.find(isShown) ?? questions[0]
}
