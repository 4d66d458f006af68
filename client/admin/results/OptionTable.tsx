import { useState } from 'react'
import { fill } from '../i18n'
import { sortValues, type Labels } from './labels'
import { shownGroups, totalSize } from './QuestionCharts'
import type { Aggregates, Questions } from './resultsApi'
import { formatPercent, useResultTexts } from './texts'
import { Words } from './Words'

interface Props {
  total: Questions
  grouped: Aggregates
  labels: Labels
}

interface Column {
  id: string
  heading: string
  n: number | undefined
  /** undefined: the group is shown with its n only (no statistics, decision 007). */
  counts: Record<string, number> | undefined
}

const sentence = (text: string) => (/[.?!]$/.test(text) ? text : `${text}.`)

type Sort = { column: string; descending: boolean }

/** Options of questions with listed choices (numbers and matrices have their own charts). */
const choiceQuestions = (total: Questions, labels: Labels) =>
  sortValues(Object.keys(total), labels.questionOrder()).filter(
    (name) =>
      !labels.isFreeText(name) &&
      total[name].distribution === undefined &&
      total[name].items === undefined &&
      labels.order(name).length > 0,
  )

/**
 * Per-option percentages by group for one question, sortable by any column; the options of quiz
 * questions are marked correct or decoy, so a table says which decoys people fall for.
 */
export function OptionTable({ total, grouped, labels }: Props) {
  const { locale, r } = useResultTexts()
  const names = choiceQuestions(total, labels)
  const [question, setQuestion] = useState(names[0] ?? '')
  const [sort, setSort] = useState<Sort>({ column: 'option', descending: false })
  if (names.length === 0) return null
  const name = names.includes(question) ? question : names[0]
  const dim = grouped.by[0]
  const columns: Column[] = [
    { id: 'all', heading: r.all, n: totalSize(grouped), counts: total[name].counts },
    ...shownGroups(grouped).map((g) => ({
      id: `g:${g.key[dim]}`,
      heading: labels.choice(dim, g.key[dim]),
      n: g.n,
      counts: g.questions?.[name]?.counts,
    })),
  ]
  const correct = labels.correctValues(name)
  const share = (column: Column, value: string) =>
    column.n && column.counts ? (column.counts[value] ?? 0) / column.n : 0
  const options = labels.order(name)
  const column = columns.find((c) => c.id === sort.column)
  const rows = [...options].sort((a, b) => {
    const order = column ? share(column, a) - share(column, b) : options.indexOf(a) - options.indexOf(b)
    return sort.descending ? -order : order
  })
  const choose = (id: string) =>
    setSort((now) => ({ column: id, descending: now.column === id ? !now.descending : id !== 'option' }))
  const ariaSort = (id: string) =>
    sort.column === id ? (sort.descending ? 'descending' : 'ascending') : undefined

  return (
    <>
      <label className="results-field">
        {r.question}{' '}
        <select value={name} onChange={(event) => setQuestion(event.target.value)}>
          {names.map((n) => (
            <option key={n} value={n}>
              {labels.title(n)}
            </option>
          ))}
        </select>
      </label>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={r.optionsTitle}>
        <table className="survey-table option-table sticky-rows" data-question={name}>
          <caption>
            {sentence(labels.title(name))} {r.optionsCaption} ({labels.dimensionTitle(dim)})
          </caption>
          <thead>
            <tr>
              <th scope="col" aria-sort={ariaSort('option')}>
                <button type="button" onClick={() => choose('option')}>
                  {r.option}
                </button>
              </th>
              {correct && <th scope="col">{r.answerKey}</th>}
              {columns.map((c) => (
                <th key={c.id} scope="col" className="number" aria-sort={ariaSort(c.id)}>
                  <button
                    type="button"
                    onClick={() => choose(c.id)}
                    aria-label={fill(r.sortBy, { column: c.heading })}
                  >
                    <Words text={c.heading} />
                  </button>{' '}
                  ({fill(r.groupSize, { n: c.n ?? '–' })})
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((value) => {
              const isCorrect = correct?.includes(value)
              return (
                <tr key={value} data-option={value}>
                  <th scope="row">
                    <Words text={labels.choice(name, value)} />
                  </th>
                  {correct && (
                    <td className={isCorrect ? 'key-correct' : 'key-decoy'}>
                      {isCorrect ? `✓ ${r.correct}` : `✗ ${r.decoy}`}
                    </td>
                  )}
                  {columns.map((c) =>
                    c.counts ? (
                      <td key={c.id} className="number">
                        {c.counts[value] ?? 0} ({formatPercent(share(c, value), locale)})
                      </td>
                    ) : (
                      <td key={c.id} className="number" aria-label={r.noStatistics}>
                        –
                      </td>
                    ),
                  )}
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </>
  )
}
