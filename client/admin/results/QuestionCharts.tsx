import { useState } from 'react'
import { sortValues, type Labels } from './labels'
import { QuestionChart } from './QuestionChart'
import type { Aggregates, Group, Questions } from './resultsApi'

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

/** Per-question charts for the whole survey or one group of a one-dimension grouping. */
export function QuestionCharts({ total, grouped, labels }: Props) {
  const [choice, setChoice] = useState('')
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
        Show answers of{' '}
        <select value={group ? choice : ''} onChange={(event) => setChoice(event.target.value)}>
          <option value="">the whole survey</option>
          {groups.map((g) => (
            <option key={g.key[dim]} value={g.key[dim]}>
              {labels.dimensionTitle(dim)}: {labels.choice(dim, g.key[dim])} (n = {g.n})
            </option>
          ))}
        </select>
      </label>
      {shown.length === 0 && (
        <p className="hint">
          No {labels.dimensionTitle(dim).toLowerCase()} group is large enough to show.
        </p>
      )}
      {sizeOnly.length > 0 && (
        <p className="hint">
          Shown with their size only, without answers, because figures of groups that cut across
          the other published tables could reveal a small group:{' '}
          {sizeOnly.map((g) => `${labels.choice(dim, g.key[dim])} (n = ${g.n})`).join(', ')}.
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
