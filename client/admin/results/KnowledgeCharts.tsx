import { COLOURS, useBarChart } from './charts'
import { num } from './KnowledgeItems'
import type { KnowledgeFigures } from './resultsApi'
import { Whisker } from './Whisker'

type Score = NonNullable<KnowledgeFigures['score']>

/** Respondents per score bin; bins hidden for disclosure control are said, not drawn. */
export function ScoreHistogram({ score, n }: { score: Score; n: number }) {
  const bins = Object.entries(score.distribution).sort(
    (a, b) => Number(a[0].split('-')[0]) - Number(b[0].split('-')[0]),
  )
  const hidden = n - bins.reduce((s, [, c]) => s + c, 0)
  const canvas = useBarChart(
    () => ({
      type: 'bar',
      data: {
        labels: bins.map(([bin]) => bin),
        datasets: [
          { label: 'Respondents', data: bins.map(([, c]) => c), backgroundColor: COLOURS.bar },
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        plugins: { legend: { display: false } },
        scales: {
          x: { title: { display: true, text: `Score (of ${score.max})` } },
          y: { beginAtZero: true, title: { display: true, text: 'Respondents' } },
        },
      },
    }),
    JSON.stringify(bins),
  )
  return (
    <>
      <div className="chart-box" style={{ height: 220 }}>
        <canvas
          ref={canvas}
          role="img"
          aria-label={`Score histogram: ${bins.map(([b, c]) => `${b}: ${c}`).join(', ')}`}
        />
      </div>
      {hidden > 0 && (
        <p className="hint">{hidden} respondents are in bins hidden to protect small groups.</p>
      )}
    </>
  )
}

/** Mean score per self-rating level with its interval: do the confident know more? */
export function Calibration({ figures, title }: { figures: KnowledgeFigures; title: string }) {
  const rating = figures.selfRating!
  const max = figures.score?.max ?? 1
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Self-rating calibration">
      <table className="survey-table calibration">
        <caption>
          Mean knowledge score (of {max}) by answer to “{title}”, with its 95 % interval. Spearman
          correlation of rating and score: {num(rating.spearman)}.
        </caption>
        <thead>
          <tr>
            <th scope="col">Rating</th>
            <th scope="col" className="number">
              Respondents
            </th>
            <th scope="col" className="number">
              Mean score
            </th>
            <th scope="col">95 % interval</th>
          </tr>
        </thead>
        <tbody>
          {rating.values.map((v) => (
            <tr key={String(v.value)}>
              <th scope="row">{v.value}</th>
              {'suppressed' in v ? (
                <td colSpan={3} className="muted">
                  hidden (fewer than the minimum, or to protect one)
                </td>
              ) : (
                <>
                  <td className="number">{v.n}</td>
                  <td className="number">{num(v.meanScore)}</td>
                  <td>
                    <Whisker
                      value={v.meanScore}
                      ci={v.ci}
                      max={max}
                      label={`mean ${num(v.meanScore)}${v.ci ? `, interval ${num(v.ci[0])} to ${num(v.ci[1])}` : ''}`}
                    />
                  </td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
