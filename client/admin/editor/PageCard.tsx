import { useState } from 'react'
import { useI18n } from '../i18n'
import { KINDS, type Kind } from './model/kinds'
import * as ops from './model/operations'
import { elementsOf } from './model/structure'
import type { Json, Lang } from './model/texts'
import { QuestionCard } from './QuestionCard'
import { RowActions } from './RowActions'
import { TextFields } from './TextFields'
import type { Edit } from './VisualEditor'

interface Props {
  definition: Json
  page: Json
  index: number
  count: number
  source: Lang
  edit: Edit
}

export function PageCard({ definition, page, index, count, source, edit }: Props) {
  const { t } = useI18n()
  const [kind, setKind] = useState<Kind>('single')
  const elements = elementsOf(page)
  const pageName = String(page.name ?? index + 1)
  const heading = `${t.page} ${index + 1}`
  return (
    <section className="page-card" aria-labelledby={`page-${index}`} data-page={pageName}>
      <div className="card-head">
        <h3 id={`page-${index}`}>{heading}</h3>
        <RowActions
          what={heading}
          first={index === 0}
          last={index === count - 1}
          onMove={(step) => edit((d) => ops.movePage(d, index, index + step))}
          onDuplicate={() => edit((d) => ops.duplicatePage(d, index))}
          onDelete={() => {
            if (window.confirm(`${t.confirmDeletePage} (${heading})`)) {
              edit((d) => ops.deletePage(d, index))
            }
          }}
        />
      </div>
      <TextFields
        label={`${heading}: ${t.titleField}`}
        value={page.title}
        source={source}
        textRef={{ at: 'page', page: index, prop: 'title' }}
        textKey={`page:${pageName}.title`}
        onText={(ref, key, lang, text) => edit((d) => ops.setText(d, ref, key, lang, text))}
      />
      {elements.length === 0 && <p className="hint">{t.noQuestions}</p>}
      <ol className="questions">
        {elements.map((element, at) => (
          <QuestionCard
            key={at}
            definition={definition}
            element={element}
            at={{ page: index, index: at }}
            first={index === 0 && at === 0}
            last={index === count - 1 && at === elements.length - 1}
            source={source}
            edit={edit}
          />
        ))}
      </ol>
      <div className="add-question">
        <label className="field">
          <span>{t.questionKind}</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t.kinds[k]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button"
          onClick={() => edit((d) => ops.addQuestion(d, index, kind))}
        >
          {t.addQuestion}
        </button>
      </div>
    </section>
  )
}
