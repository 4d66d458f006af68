import { useEffect, useState } from 'react'
import { fill, useI18n } from '../i18n'
import { ConditionEditor } from './ConditionEditor'
import { ItemsEditor } from './ItemsEditor'
import { canBeDimension, canBeQuiz, kindOf, KINDS, listsOf, type Kind } from './model/kinds'
import type { At } from './model/operations'
import * as ops from './model/operations'
import { questionNames } from './model/structure'
import type { Json, Lang } from './model/texts'
import { QuizAnswer } from './QuizAnswer'
import { RowActions } from './RowActions'
import { TextFields } from './TextFields'
import type { Edit } from './VisualEditor'

interface Props {
  definition: Json
  element: Json
  at: At
  first: boolean
  last: boolean
  source: Lang
  edit: Edit
}

const NAME = /^[\p{L}_][\p{L}\p{N}_]*$/u

export function QuestionCard({ definition, element, at, first, last, source, edit }: Props) {
  const { t } = useI18n()
  const kind = kindOf(element)
  const name = String(element.name ?? '')
  const [draftName, setDraftName] = useState(name)
  const [nameError, setNameError] = useState<string | null>(null)
  // The card is keyed by position: follow the name when another question moves here.
  useEffect(() => setDraftName(name), [name])
  const what = name
  const onText = (ref: Parameters<typeof ops.setText>[1], key: string, lang: Lang, text: string) =>
    edit((d) => ops.setText(d, ref, key, lang, text))

  // A name is committed when it is valid and free: conditions and results refer to it.
  const rename = (next: string) => {
    setDraftName(next)
    if (!NAME.test(next)) return setNameError(t.nameRule)
    if (next !== name && questionNames(definition).has(next)) return setNameError(t.nameTaken)
    setNameError(null)
    if (next !== name) edit((d) => ops.renameQuestion(d, at, next))
  }

  return (
    <li className="question-card" data-question={name}>
      <div className="card-head">
        <label className="field">
          <span>{t.questionKind}</span>
          <select
            value={kind ?? ''}
            disabled={kind === null}
            onChange={(e) => edit((d) => ops.setKind(d, at, e.target.value as Kind))}
          >
            {kind === null && <option value="">{String(element.type)}</option>}
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t.kinds[k]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t.questionName}</span>
          <input
            type="text"
            value={draftName}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? `name-error-${name}` : undefined}
            onChange={(e) => rename(e.target.value)}
            onBlur={() => (setDraftName(name), setNameError(null))}
          />
          {nameError && (
            <span id={`name-error-${name}`} className="field-error">
              {nameError}
            </span>
          )}
        </label>
        <RowActions
          what={what}
          first={first}
          last={last}
          onMove={(step) => edit((d) => ops.moveQuestion(d, at, step))}
          onDuplicate={() => edit((d) => ops.duplicateQuestion(d, at))}
          onDelete={() => {
            if (window.confirm(`${t.confirmDeleteQuestion} (${name})`)) {
              edit((d) => ops.deleteQuestion(d, at))
            }
          }}
        />
      </div>
      {kind === null ? (
        <p className="hint">{fill(t.otherElement, { type: String(element.type) })}</p>
      ) : (
        <>
          <TextFields
            label={t.titleField}
            value={element.title}
            source={source}
            textRef={{ at: 'question', ...at, prop: 'title' }}
            textKey={`${name}.title`}
            multiline
            onText={onText}
          />
          <TextFields
            label={t.descriptionField}
            value={element.description}
            source={source}
            textRef={{ at: 'question', ...at, prop: 'description' }}
            textKey={`${name}.description`}
            onText={onText}
          />
          {kind === 'rating' && <RatingRange element={element} at={at} edit={edit} />}
          {listsOf(kind).map((list) => (
            <ItemsEditor
              key={list}
              element={element}
              at={at}
              list={list}
              source={source}
              edit={edit}
            />
          ))}
          <div className="flags">
            <label className="check">
              <input
                type="checkbox"
                checked={element.isRequired === true}
                onChange={(e) =>
                  edit((d) => ops.setProperty(d, at, 'isRequired', e.target.checked))
                }
              />
              {t.required}
            </label>
            {canBeDimension(kind) && (
              <label className="check">
                <input
                  type="checkbox"
                  checked={ops.dimensionsOf(definition).includes(name)}
                  onChange={(e) => edit((d) => ops.setDimension(d, name, e.target.checked))}
                />
                {t.dimension}
              </label>
            )}
          </div>
          {canBeQuiz(kind) && <QuizAnswer element={element} at={at} source={source} edit={edit} />}
          <ConditionEditor
            definition={definition}
            element={element}
            at={at}
            source={source}
            edit={edit}
          />
        </>
      )}
    </li>
  )
}

function RatingRange({ element, at, edit }: { element: Json; at: At; edit: Edit }) {
  const { t } = useI18n()
  const set = (key: string, value: string) =>
    edit((d) => ops.setProperty(d, at, key, value === '' ? undefined : Number(value)))
  return (
    <div className="flags">
      <label className="field">
        <span>{t.ratingFrom}</span>
        <input
          type="number"
          value={String(element.rateMin ?? 1)}
          onChange={(e) => set('rateMin', e.target.value)}
        />
      </label>
      <label className="field">
        <span>{t.ratingTo}</span>
        <input
          type="number"
          value={String(element.rateMax ?? 5)}
          onChange={(e) => set('rateMax', e.target.value)}
        />
      </label>
    </div>
  )
}
