import { useEffect, useMemo, useRef, useState } from 'react'
import { Survey } from 'survey-react-ui'
// The same theme, model set-up and languages as the respondent app, so the preview is exact.
import 'survey-core/survey-core.fontless.min.css'
import { isLocale, type Locale } from '../respondent/i18n'
import { createSurveyModel } from '../respondent/surveyModel'
import { LocaleButtons, useI18n } from './i18n'
import './preview.css'

interface Props {
  definition: Record<string, unknown>
}

/**
 * The questionnaire as respondents see it, fully interactive so logic can be tried. Nothing
 * is posted: no completion handler is registered, so answers stay in this page's memory.
 */
export default function Preview({ definition }: Props) {
  const { t, locale: adminLocale } = useI18n()
  // The questionnaire's own language if it names one, else the admin's.
  const [locale, setLocale] = useState<Locale>(() =>
    isLocale(definition.locale) ? definition.locale : adminLocale,
  )
  const latestLocale = useRef(locale)
  latestLocale.current = locale
  // A new model only for a new definition; switching language keeps the answers tried so far.
  // Shown under the page's "Preview" heading (h2): the survey title is an h3.
  const survey = useMemo(() => createSurveyModel(definition, latestLocale.current, 3), [definition])
  const [completed, setCompleted] = useState(false)

  useEffect(() => {
    survey.locale = locale
  }, [survey, locale])

  useEffect(() => {
    setCompleted(false)
    const done = () => setCompleted(true)
    survey.onComplete.add(done)
    return () => survey.onComplete.remove(done)
  }, [survey])

  const restart = () => {
    survey.clear(true, true)
    setCompleted(false)
  }

  return (
    <div className="preview">
      <div className="preview-bar">
        <p className="preview-note">{t.previewNote}</p>
        <LocaleButtons label={t.previewLanguage} value={locale} onChange={setLocale} />
        {completed && (
          <button type="button" className="button" onClick={restart}>
            {t.restartPreview}
          </button>
        )}
      </div>
      <div className="preview-frame" lang={locale}>
        <Survey model={survey} />
      </div>
    </div>
  )
}
