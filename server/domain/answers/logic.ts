// Loads answers into a survey-core model and lets its logic settle the way a completed survey
// does: visibility triggers run, then answers of hidden questions are cleared (SurveyJS's
// clearInvisibleValues on completion), repeatedly, because clearing can hide further questions.
import { Model, type Question, type SurveyModel } from 'survey-core'
import '../survey-core-setup.js'
import { MAX_LOGIC_PASSES } from './limits'

export function createSurvey(definition: object): SurveyModel {
  const survey = new Model(definition)
  survey.locale = 'en' // validator messages are reported in English
  return survey
}

const isDynamic = (q: Question) => q.getType() === 'matrixdynamic' || q.getType() === 'paneldynamic'

/**
 * Dynamic matrices/panels start with their default rowCount/panelCount, but SurveyJS leaves empty
 * rows out of `survey.data`: an absent answer means the respondent kept no rows, so none are built
 * (they would otherwise report required cells nobody saw).
 */
function withoutDefaultRows(questions: Question[], record: Record<string, unknown>) {
  for (const question of questions) {
    if (!isDynamic(question) || Object.hasOwn(record, question.getValueName())) continue
    if (question.getType() === 'matrixdynamic') question.rowCount = 0
    else question.panelCount = 0
  }
}

/** The same inside dynamic panels, whose nested questions exist only once the value is set. */
function withoutDefaultRowsInPanels(questions: Question[]) {
  for (const question of questions) {
    if (question.getType() !== 'paneldynamic' || !Array.isArray(question.value)) continue
    const records = question.value as unknown[]
    ;(question.panels as { questions: Question[] }[]).forEach((panel, i) => {
      const record = records[i]
      if (typeof record !== 'object' || record === null) return
      withoutDefaultRows(panel.questions, record as Record<string, unknown>)
      withoutDefaultRowsInPanels(panel.questions)
    })
  }
}

/** "visible" triggers switch question visibility when a value changes; replay them for the data. */
function runVisibleTriggers(survey: SurveyModel) {
  const triggers = survey.triggers.filter((trigger) => trigger.getType() === 'visibletrigger')
  if (triggers.length === 0) return
  const keys = survey.getFilteredValues()
  const properties = (
    survey as unknown as { getFilteredProperties(): object }
  ).getFilteredProperties()
  for (const trigger of triggers) {
    trigger.checkExpression({
      isOnNextPage: false,
      isOnComplete: false,
      isOnNavigation: false,
      keys,
      properties,
    })
  }
}

const snapshot = (survey: SurveyModel) => JSON.stringify(survey.data)

export function loadAnswers(survey: SurveyModel, data: Record<string, unknown>): void {
  const questions = survey.getAllQuestions(false, false, false) as Question[]
  withoutDefaultRows(questions, data)
  survey.data = data
  withoutDefaultRowsInPanels(questions)
  for (let pass = 0; pass < MAX_LOGIC_PASSES; pass++) {
    runVisibleTriggers(survey)
    const before = snapshot(survey)
    // what survey.doComplete() does: per-question cleanup plus clearInvisibleQuestionValues()
    ;(survey as unknown as { clearUnusedValues(): void }).clearUnusedValues()
    if (snapshot(survey) === before) return
  }
}
