import { useI18n } from '../i18n'
import { formatCondition, parseCondition, type Condition } from './model/conditions'
import { itemsOf, readItem } from './model/items'
import { kindOf, type Kind } from './model/kinds'
import { allElements } from './model/structure'
import { readText, type Json, type Lang } from './model/texts'
import type { At } from './model/operations'
import * as ops from './model/operations'
import type { Edit } from './VisualEditor'

interface Props {
  definition: Json
  element: Json
  at: At
  source: Lang
  edit: Edit
}

const CONDITION_KINDS: Kind[] = ['single', 'multiple', 'dropdown', 'yesno', 'rating']

/** The answers a question can have, as [value, label] (what a condition can test). */
function answersOf(
  question: Json,
  source: Lang,
  t: { yes: string; no: string },
): [string, string][] {
  const kind = kindOf(question)
  if (kind === 'yesno')
    return [
      ['true', t.yes],
      ['false', t.no],
    ]
  if (kind === 'rating') {
    const min = Number(question.rateMin ?? 1)
    const max = Number(question.rateMax ?? 5)
    const values: [string, string][] = []
    for (let v = min; v <= max && values.length < 20; v++) values.push([String(v), String(v)])
    return values
  }
  return itemsOf(question, 'choices').map((raw) => {
    const item = readItem(raw)
    return [item.value, readText(item.text, source, source) || item.value]
  })
}

/** "Show this question always / only when <question> is (includes) <answer>" (SurveyJS visibleIf). */
export function ConditionEditor({ definition, element, at, source, edit }: Props) {
  const { t } = useI18n()
  const expression = typeof element.visibleIf === 'string' ? element.visibleIf : ''
  const parsed = expression ? parseCondition(expression) : null
  const id = `cond-${String(element.name)}`
  const set = (next: string | undefined) => edit((d) => ops.setProperty(d, at, 'visibleIf', next))

  if (expression && !parsed) {
    return (
      <div className="condition">
        <p>
          {t.customCondition} <code>{expression}</code>
        </p>
        <button type="button" className="button" onClick={() => set(undefined)}>
          {t.removeCondition}
        </button>
      </div>
    )
  }
  // Questions a respondent answers before this one, whose answers can be listed.
  const all = allElements(definition)
  const own = all.findIndex((candidate) => candidate.name === element.name)
  const earlier = all
    .slice(0, own)
    .filter((candidate) => CONDITION_KINDS.includes(kindOf(candidate) as Kind))
  const write = (condition: Condition) => {
    const target = all.find((q) => q.name === condition.question) ?? {}
    const kind = kindOf(target)
    set(
      formatCondition(
        condition,
        kind === 'yesno' ? 'boolean' : kind === 'rating' ? 'number' : 'text',
      ),
    )
  }
  const choose = (question: string) => {
    const target = all.find((q) => q.name === question) ?? {}
    const first = answersOf(target, source, t)[0]?.[0] ?? ''
    write({ question, op: kindOf(target) === 'multiple' ? 'includes' : 'is', value: first })
  }
  const target = parsed ? all.find((q) => q.name === parsed.question) : undefined

  return (
    <fieldset className="condition">
      <legend>{t.showWhen}</legend>
      <select
        aria-label={t.showWhen}
        value={parsed ? 'when' : 'always'}
        disabled={!parsed && earlier.length === 0}
        onChange={(e) =>
          e.target.value === 'always' ? set(undefined) : choose(String(earlier[0]?.name))
        }
      >
        <option value="always">{t.always}</option>
        <option value="when">{t.onlyWhen}</option>
      </select>
      {parsed && (
        <>
          <select
            id={`${id}-q`}
            aria-label={t.conditionQuestion}
            value={parsed.question}
            onChange={(e) => choose(e.target.value)}
          >
            {!target && <option value={parsed.question}>{parsed.question}</option>}
            {earlier.map((q) => (
              <option key={String(q.name)} value={String(q.name)}>
                {readText(q.title, source, source) || String(q.name)}
              </option>
            ))}
          </select>
          <select
            aria-label={t.conditionOp}
            value={parsed.op}
            onChange={(e) => write({ ...parsed, op: e.target.value as Condition['op'] })}
          >
            <option value="is">{t.is}</option>
            <option value="includes">{t.includes}</option>
          </select>
          <select
            aria-label={t.conditionValue}
            value={parsed.value}
            onChange={(e) => write({ ...parsed, value: e.target.value })}
          >
            {target &&
              answersOf(target, source, t).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            {(!target || !answersOf(target, source, t).some(([v]) => v === parsed.value)) && (
              <option value={parsed.value}>{parsed.value}</option>
            )}
          </select>
        </>
      )}
    </fieldset>
  )
}
