import { fill } from '../i18n'
import { COLOURS, useBarChart } from './charts'
import type { Timeline } from './resultsApi'
import { useResultTexts } from './texts'

/**
 * Responses per ISO week. A hidden week is drawn as a grey range from 0 to k because all a
 * reader may know is that it had fewer than k responses.
 */
export function TimelineChart({ timeline }: { timeline: Timeline }) {
  const { locale, r } = useResultTexts()
  const { weeks, minGroupSize: k } = timeline
  const hiddenLabel = fill(r.hiddenWeek, { k })
  const fewer = fill(r.fewerThan, { k })
  const summary = weeks.map((w) => `${w.week}: ${w.suppressed ? fewer : w.n}`).join('; ')
  const canvas = useBarChart(
    () => ({
      type: 'bar',
      data: {
        labels: weeks.map((w) => w.week),
        datasets: [
          {
            label: r.responses,
            data: weeks.map((w) => (w.suppressed ? null : w.n)),
            backgroundColor: COLOURS.bar,
            maxBarThickness: 48,
            grouped: false,
          },
          {
            label: hiddenLabel,
            data: weeks.map((w) => (w.suppressed ? [0, k] : null)),
            backgroundColor: COLOURS.hidden,
            borderColor: COLOURS.hiddenBorder,
            borderWidth: 1,
            maxBarThickness: 48,
            grouped: false,
          },
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
        plugins: {
          tooltip: {
            callbacks: {
              label: (item) =>
                item.datasetIndex === 1
                  ? hiddenLabel
                  : fill(r.weekResponses, { n: item.formattedValue }),
            },
          },
        },
      },
    }),
    `${locale}:${JSON.stringify(weeks)}`,
  )

  if (weeks.length === 0) return <p>{r.noResponses}</p>
  return (
    <>
      <div className="chart-box" style={{ height: 240 }}>
        <canvas ref={canvas} role="img" aria-label={fill(r.responsesPerWeek, { summary })} />
      </div>
      <details>
        <summary>{r.showTable}</summary>
        <table className="survey-table results-small-table">
          <thead>
            <tr>
              <th scope="col">{r.week}</th>
              <th scope="col" className="number">
                {r.responses}
              </th>
            </tr>
          </thead>
          <tbody>
            {weeks.map((w) => (
              <tr key={w.week}>
                <th scope="row">{w.week}</th>
                <td className="number">{w.suppressed ? fewer : w.n}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  )
}
