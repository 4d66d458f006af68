import { fill } from '../i18n'
import { COLOURS, useBarChart } from './charts'
import { numbers } from './KnowledgeItems'
import type { KnowledgeFigures } from './resultsApi'
import { useResultTexts } from './texts'
import { Whisker } from './Whisker'

type Score = NonNullable<KnowledgeFigures['score']>

/** Respondents per score bin; bins hidden for disclosure control are said, not drawn. */
export function ScoreHistogram({ score, n }: { score: Score; n: number }) {
  const { locale, r } = useResultTexts()
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
          { label: r.respondents, data: bins.map(([, c]) => c), backgroundColor: COLOURS.bar },
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        plugins: { legend: { display: false } },
        scales: {
          x: { title: { display: true, text: fill(r.scoreOf, { max: score.max }) } },
          y: { beginAtZero: true, title: { display: true, text: r.respondents } },
        },
      },
    }),
    `${locale}:${JSON.stringify(bins)}`,
  )
  return (
    <>
      <div className="chart-box" style={{ height: 220 }}>
        <canvas
          ref={canvas}
          role="img"
          aria-label={fill(r.histogram, { bins: bins.map(([b, c]) => `${b}: ${c}`).join(', ') })}
        />
      </div>
      {hidden > 0 && (
        <p className="hint">{fill(r.hiddenBins, { hidden })}</p>
      )}
    </>
  )
}

/** Mean score per self-rating level with its interval: do the confident know more? */
export function Calibration({ figures, title }: { figures: KnowledgeFigures; title: string }) {
  const { locale, r } = useResultTexts()
  const { num } = numbers(locale)
  const rating = figures.selfRating!
  const max = figures.score?.max ?? 1
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={r.calibrationRegion}>
      <table className="survey-table calibration">
        <caption>
          {fill(r.calibrationCaption, { max, title, rho: num(rating.spearman) })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{r.rating}</th>
            <th scope="col" className="number">
              {r.respondents}
            </th>
            <th scope="col" className="number">
              {r.meanScore}
            </th>
            <th scope="col">{r.interval}</th>
          </tr>
        </thead>
        <tbody>
          {rating.values.map((v) => (
            <tr key={String(v.value)}>
              <th scope="row">{v.value}</th>
              {'suppressed' in v ? (
                <td colSpan={3} className="muted">
                  {r.ratingHidden}
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
                      label={
                        v.ci
                          ? fill(r.meanInterval, {
                              mean: num(v.meanScore),
                              low: num(v.ci[0]),
                              high: num(v.ci[1]),
                            })
                          : fill(r.meanLabel, { mean: num(v.meanScore) })
                      }
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
