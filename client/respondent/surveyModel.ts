import { Model, Serializer, type Question } from 'survey-core'
// SurveyJS's own UI texts (Next, Complete, "Response required", ...); English is built in.
import 'survey-core/i18n/finnish'
import 'survey-core/i18n/swedish'
import { sanitizeSurveyHtml } from '../shared/sanitize'
import { LOCALES, STRINGS, type Locale } from './i18n'

type Json = Record<string, unknown>

// The questionnaire's per-option quiz scoring (server/domain/survey-core-setup.ts), so the
// thank-you page reads it from the question as the server does.
if (!Serializer.findProperty('checkbox', 'scoring')) {
  const scoring = { name: 'scoring', choices: ['all', 'per-option'], default: 'all' }
  Serializer.addProperty('checkbox', scoring)
}

// Survey features that would set a cookie, leave the page or call another origin.
const DROPPED_SURVEY_KEYS = ['cookieName', 'navigateToUrl', 'navigateToUrlOnCondition']

function withoutRemoteChoices(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutRemoteChoices)
  if (typeof value !== 'object' || value === null) return value
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'choicesByUrl')
      .map(([key, child]) => [key, withoutRemoteChoices(child)]),
  )
}

function fallbackCompletedHtml(): Json {
  const html = (locale: Locale) =>
    `<h3>${STRINGS[locale].thanksTitle}</h3><p>${STRINGS[locale].thanksBody}</p>`
  return Object.fromEntries([
    ['default', html('en')],
    ...LOCALES.filter((l) => l !== 'en').map((l) => [l, html(l)]),
  ])
}

// SurveyJS renders every title as a <div>. Real headings let screen-reader users jump from question
// to question and give the page an outline; levels below `top` follow the survey's structure.
function titlesAsHeadings(survey: Model, top: number): void {
  const depth: Record<string, number> = { survey: 0, page: 1 }
  survey.onGetTitleTagName.add((_, options) => {
    const level = top + (depth[options.element.getType()] ?? 2)
    options.tagName = `h${Math.min(level, 6)}`
  })
}

/** `topHeading`: the level of the survey title (1 on its own page, lower inside another page). */
export function createSurveyModel(definition: Json, locale: Locale, topHeading = 1): Model {
  const json = withoutRemoteChoices(definition) as Json
  for (const key of DROPPED_SURVEY_KEYS) delete json[key]
  if (!json.completedHtml) json.completedHtml = fallbackCompletedHtml()

  const survey = new Model(json)
  sanitizeSurveyHtml(survey)
  titlesAsHeadings(survey, topHeading)
  survey.locale = locale
  if (!survey.showProgressBar) survey.showProgressBar = true
  // Hidden follow-up answers are dropped at once, so `survey.data` is exactly what the
  // respondent can see, both when posted (before completion) and for the server's validation.
  survey.clearInvisibleValues = 'onHidden'
  // The save status and the thank-you text live on the complete page.
  survey.showCompletePage = true
  // Rating scales stay buttons on narrow screens: SurveyJS's "auto" turns them into a dropdown,
  // which hides the scale and takes two taps.
  for (const question of survey.getAllQuestions(false, false, true) as Question[]) {
    if (question.getType() === 'rating' && question.getPropertyValue('displayMode') === 'auto') {
      question.setPropertyValue('displayMode', 'buttons')
      // The end labels under the scale, so five buttons fit on one line of a phone.
      if (question.getPropertyValue('rateDescriptionLocation') === 'leftRight') {
        question.setPropertyValue('rateDescriptionLocation', 'bottom')
      }
    }
  }
  return survey
}
