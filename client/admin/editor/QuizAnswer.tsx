import { useI18n } from '../i18n'
import { itemsOf, readItem } from './model/items'
import { kindOf } from './model/kinds'
import type { At } from './model/operations'
import * as ops from './model/operations'
import { readText, type Json, type Lang } from './model/texts'
import type { Edit } from './VisualEditor'

interface Props {
  element: Json
  at: At
  source: Lang
  edit: Edit
}

/** The correct answer of a quiz item: one value, several for multiple choice, or none. */
export function QuizAnswer({ element, at, source, edit }: Props) {
  const { t } = useI18n()
  const kind = kindOf(element)
  const answer = element.correctAnswer
  const options: [string, string][] =
    kind === 'yesno'
      ? [
          ['true', t.yes],
          ['false', t.no],
        ]
      : itemsOf(element, 'choices').map((raw) => {
          const item = readItem(raw)
          return [item.value, readText(item.text, source, source) || item.value]
        })
  const name = String(element.name)
  if (kind === 'multiple') {
    const chosen = Array.isArray(answer) ? answer.map(String) : []
    return (
      <fieldset className="quiz">
        <legend>{t.correctAnswer}</legend>
        {options.map(([value, label]) => (
          <label key={value} className="check">
            <input
              type="checkbox"
              checked={chosen.includes(value)}
              onChange={(e) => {
                const next = e.target.checked
                  ? [...chosen, value]
                  : chosen.filter((v) => v !== value)
                edit((d) => ops.setCorrectAnswer(d, at, next))
              }}
            />
            {label}
          </label>
        ))}
      </fieldset>
    )
  }
  const current = answer === undefined ? '' : String(answer)
  return (
    <label className="field quiz">
      <span>{t.correctAnswer}</span>
      <select
        id={`correct-${name}`}
        value={current}
        onChange={(e) => {
          const value = e.target.value
          const typed = kind === 'yesno' && value !== '' ? value === 'true' : value
          edit((d) => ops.setCorrectAnswer(d, at, value === '' ? undefined : typed))
        }}
      >
        <option value="">{t.noCorrectAnswer}</option>
        {options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </label>
  )
}
