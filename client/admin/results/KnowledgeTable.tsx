import { fill } from '../i18n'
import { sortValues, type Labels } from './labels'
import { shownGroups } from './QuestionCharts'
import type { Aggregates, Questions } from './resultsApi'
import { useResultTexts } from './texts'

interface Props {
  total: Questions
  grouped: Aggregates
  labels: Labels
}

const percent = (share: number | undefined) =>
  share === undefined ? '–' : `${Math.round(share * 100)} %`

/** Share answering each quiz item correctly: the whole survey and every group that is shown. */
export function KnowledgeTable({ total, grouped, labels }: Props) {
  const { r } = useResultTexts()
  const dim = grouped.by[0]
  const items = sortValues(Object.keys(total), labels.questionOrder()).filter(
    (name) => total[name].shareCorrect !== undefined,
  )
  const groups = shownGroups(grouped)
  const hidden = grouped.groups.length - groups.length
  if (items.length === 0) return <p>{r.noQuiz}</p>

  return (
    <>
      {/* One column per group: may scroll, so keyboard users must be able to reach it. */}
      <div className="table-scroll" tabIndex={0} role="region" aria-label={r.tableRegion}>
        <table className="survey-table knowledge-table">
          <caption>
            {fill(r.tableCaption, { dim: labels.dimensionTitle(dim).toLowerCase() })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{r.item}</th>
              <th scope="col" className="number">
                {fill(r.allN, { n: 'n' in grouped.total ? grouped.total.n : '–' })}
              </th>
              {groups.map((g) => (
                <th key={g.key[dim]} scope="col" className="number">
                  {labels.choice(dim, g.key[dim])} (n = {g.n})
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {items.map((name) => (
              <tr key={name}>
                <th scope="row">{labels.title(name)}</th>
                <td className="number">{percent(total[name].shareCorrect)}</td>
                {groups.map((g) => (
                  <td key={g.key[dim]} className="number">
                    {percent(g.questions?.[name]?.shareCorrect)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {hidden > 0 && (
        <p className="hint">
          {fill(r.dimGroupsHidden, { hidden, dim: labels.dimensionTitle(dim).toLowerCase() })}
        </p>
      )}
    </>
  )
}
