import { useState } from 'react'
import { fill } from '../i18n'
import { sortValues, type Labels } from './labels'
import { QuestionChart } from './QuestionChart'
import type { Aggregates, Group, Questions } from './resultsApi'
import { useResultTexts } from './texts'

interface Props {
  total: Questions
  grouped: Aggregates
  labels: Labels
}

type Shown = Extract<Group, { suppressed: false }>

/** The whole survey's n, when the release shows it. */
export const totalSize = (data: Aggregates) => ('n' in data.total ? data.total.n : undefined)

export const shownGroups = (data: Aggregates) =>
  data.groups.filter((group): group is Shown => !group.suppressed)

/** "Lappi (n = 6), Åland (n = 5)": groups published with their size only. */
export const sizeList = (
  groups: { key: Record<string, string>; n: number }[],
  dim: string,
  labels: Labels,
) =>
  groups.map((g) => `${labels.choice(dim, g.key[dim])} (n = ${g.n})`).join(', ')

/** Where the figures of a grouping shown with sizes only are published, if anywhere. */
export function FiguresIn({ dim, labels }: { dim: string; labels: Labels }) {
  const { r } = useResultTexts()
  const table = labels.figuresIn(dim)
  if (!table) return null
  return <>{fill(r.levelFigures, { level: labels.dimensionTitle(dim).toLowerCase(), table })}</>
}

/** Per-question charts for the whole survey or one group of a one-dimension grouping. */
export function QuestionCharts({ total, grouped, labels }: Props) {
  const [choice, setChoice] = useState('')
  const { r } = useResultTexts()
  const dim = grouped.by[0]
  const shown = shownGroups(grouped)
  // A group shown with its size only has no answers to chart (decision 007): not offered.
  const groups = shown.filter((g) => Object.keys(g.questions ?? {}).length > 0)
  const sizeOnly = shown.filter((g) => !groups.includes(g))
  const group = groups.find((g) => g.key[dim] === choice)
  const questions = group?.questions ?? total
  const names = sortValues(Object.keys(questions), labels.questionOrder()).filter(
    (name) => !labels.isFreeText(name),
  )

  return (
    <>
      <label className="results-field">
        {r.showAnswersOf}{' '}
        <select value={group ? choice : ''} onChange={(event) => setChoice(event.target.value)}>
          <option value="">{r.wholeSurvey}</option>
          {groups.map((g) => (
            <option key={g.key[dim]} value={g.key[dim]}>
              {labels.dimensionTitle(dim)}: {labels.choice(dim, g.key[dim])} (n = {g.n})
            </option>
          ))}
        </select>
      </label>
      {shown.length === 0 && (
        <p className="hint">
          {fill(r.noGroupLarge, { dim: labels.dimensionTitle(dim).toLowerCase() })}
        </p>
      )}
      {sizeOnly.length > 0 && (
        <p className="hint">
          {fill(r.sizeOnlyAnswers, { groups: sizeList(sizeOnly, dim, labels) })}{' '}
          <FiguresIn dim={dim} labels={labels} />
        </p>
      )}
      <div className="question-grid" key={group ? choice : ''}>
        {names.map((name) => (
          <QuestionChart
            key={name}
            name={name}
            stats={questions[name]}
            labels={labels}
            groupSize={group ? group.n : totalSize(grouped)}
          />
        ))}
      </div>
    </>
  )
}
