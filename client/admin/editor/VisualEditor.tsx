import { useI18n } from '../i18n'
import * as ops from './model/operations'
import { pagesOf } from './model/structure'
import { sourceLang, type Json } from './model/texts'
import { PageCard } from './PageCard'
import { TextFields } from './TextFields'

/** Applies one pure operation to the current definition. */
export type Edit = (change: (definition: Json) => Json) => void

/** The questionnaire as pages and questions, every text in fi, sv and en. */
export function VisualEditor({ definition, edit }: { definition: Json; edit: Edit }) {
  const { t } = useI18n()
  const source = sourceLang(definition)
  const pages = pagesOf(definition)
  const onText: Parameters<typeof TextFields>[0]['onText'] = (ref, key, lang, text) =>
    edit((d) => ops.setText(d, ref, key, lang, text))
  return (
    <div className="visual-editor">
      <section className="page-card" aria-labelledby="survey-texts">
        <h3 id="survey-texts">{t.surveyTexts}</h3>
        <TextFields
          label={t.titleField}
          value={definition.title}
          source={source}
          textRef={{ at: 'survey', prop: 'title' }}
          textKey="survey.title"
          onText={onText}
        />
        <TextFields
          label={t.descriptionField}
          value={definition.description}
          source={source}
          textRef={{ at: 'survey', prop: 'description' }}
          textKey="survey.description"
          multiline
          onText={onText}
        />
      </section>
      {pages.map((page, index) => (
        <PageCard
          key={`${String(page.name)}-${index}`}
          definition={definition}
          page={page}
          index={index}
          count={pages.length}
          source={source}
          edit={edit}
        />
      ))}
      <button type="button" className="button" onClick={() => edit(ops.addPage)}>
        {t.addPage}
      </button>
    </div>
  )
}
