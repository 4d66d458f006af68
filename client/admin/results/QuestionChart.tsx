import { fill } from '../i18n'
import { barsHeight, COLOURS, useBarChart } from './charts'
import { numbers } from './KnowledgeItems'
import { sortValues, wrapLabel, type Labels } from './labels'
import type { QuestionStats } from './resultsApi'
import { formatPercent, useResultTexts } from './texts'

interface Props {
  name: string
  stats: QuestionStats
  labels: Labels
  /** Respondents of the group shown: the base of every percentage. */
  groupSize?: number
}

const percent = (share: number) => `${Math.round(share * 100)} %`

/** One question: counts per choice (or the rating distribution) as horizontal bars and a table. */
export function QuestionChart({ name, stats, labels, groupSize }: Props) {
  const { locale, r } = useResultTexts()
  const share = (n: number) => (groupSize ? ` (${formatPercent(n / groupSize, locale)})` : '')
  const counts = stats.distribution ?? stats.counts ?? {}
  // Choices nobody picked are missing from the counts; showing them as 0 is informative too.
  const offered = stats.distribution ? [] : labels.order(name)
  const values = sortValues([...new Set([...offered, ...Object.keys(counts)])], labels.order(name))
  const bars = values.map((value) => ({ label: labels.choice(name, value), n: counts[value] ?? 0 }))
  const title = labels.title(name)
  const barLabels = bars.map((bar) => `${bar.label}: ${bar.n}${share(bar.n)}`)
  const lines = barLabels.reduce((sum, label) => sum + wrapLabel(label).length, 0)
  const summary = barLabels.join('; ')
  const canvas = useBarChart(
    () => ({
      type: 'bar',
      data: {
        // Each label carries its count and percent: readable without hovering, and printed.
        labels: barLabels.map((label) => wrapLabel(label)),
        datasets: [{ label: r.respondents, data: bars.map((bar) => bar.n) }],
      },
      options: {
        indexAxis: 'y',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        backgroundColor: COLOURS.bar,
        scales: {
          x: { beginAtZero: true, ticks: { precision: 0 } },
          // Every choice keeps its label: skipping some would leave bars unnamed.
          y: { ticks: { autoSkip: false } },
        },
        plugins: {
          legend: { display: false },
          // Counts and percentages together, as the table and the export show them.
          tooltip: { callbacks: { label: (item) => `${item.parsed.x}${share(item.parsed.x ?? 0)}` } },
        },
      },
    }),
    `${name}:${groupSize}:${locale}:${JSON.stringify(bars)}`,
  )

  return (
    <figure className="question-chart" data-question={name}>
      <figcaption>
        <strong>{title}</strong>
        {groupSize !== undefined && (
          <span className="question-facts group-size">{fill(r.groupSize, { n: groupSize })}</span>
        )}
        {stats.mean !== undefined && (
          <span className="question-facts">
            {fill(r.questionMean, { mean: numbers(locale).num(stats.mean) })}
            {stats.n !== undefined && ` (n = ${stats.n})`}
          </span>
        )}
        {stats.shareCorrect !== undefined && (
          <span className="question-facts">
            {fill(r.questionCorrect, { share: percent(stats.shareCorrect) })}
          </span>
        )}
      </figcaption>
      {bars.length > 0 && (
        <div className="chart-box" style={{ height: barsHeight(bars.length, lines) }}>
          <canvas ref={canvas} role="img" aria-label={`${title}: ${summary}`} />
        </div>
      )}
      {stats.items && (
        <MatrixTable name={name} items={stats.items} labels={labels} share={share} />
      )}
    </figure>
  )
}

/** Matrix questions: one row per item, counts per column; a table reads better than bars. */
function MatrixTable({
  name,
  items,
  labels,
  share,
}: Required<Pick<Props, 'name' | 'labels'>> & {
  items: Record<string, Record<string, number>>
  share: (n: number) => string
}) {
  const columns = sortValues(
    [...new Set(Object.values(items).flatMap((counts) => Object.keys(counts)))],
    labels.order(name),
  )
  return (
    <div className="table-scroll">
      <table className="survey-table results-small-table">
        <thead>
          <tr>
            <td />
            {columns.map((column) => (
              <th key={column} scope="col" className="number">
                {labels.choice(name, column)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Object.entries(items).map(([row, counts]) => (
            <tr key={row}>
              <th scope="row">{labels.row(name, row)}</th>
              {columns.map((column) => (
                <td key={column} className="number">
                  {counts[column] ?? 0}
                  {share(counts[column] ?? 0)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
