import { LoadFailed } from '../LoadFailed'
import { useLoad } from '../useLoad'
import { Calibration, ScoreHistogram } from './KnowledgeCharts'
import { KnowledgeItems, num, pValue } from './KnowledgeItems'
import { type Labels } from './labels'
import { knowledgeApi, type KnowledgeFigures } from './resultsApi'
import { Whisker } from './Whisker'

interface Props {
  slug: string
  release: number | null
  /** The dimension the groups are compared by. */
  dim: string
  labels: Labels
}

const isFigures = (total: object): total is KnowledgeFigures => 'items' in total

/** What the survey measures: score, items, reliability, self-rating, groups, baseline. */
export function KnowledgeTab({ slug, release, dim, labels }: Props) {
  const { state, reload } = useLoad(
    () => knowledgeApi.knowledge(slug, { by: [dim], release }),
    `${slug}:${release}:${dim}`,
  )
  if (state.kind === 'loading') return <p role="status">Loading knowledge figures…</p>
  if (state.kind === 'failed') return <LoadFailed failure={state.failure} onRetry={reload} />
  const data = state.data
  const total = data.total
  if (!isFigures(total)) {
    return <p>Knowledge figures appear with the first release (and when its total is shown).</p>
  }
  if (total.items.length === 0) return <p>This questionnaire has no quiz items.</p>
  // Shown groups with figures; some show their n only (no statistics on crossing groups).
  const groups = data.groups.filter(
    (g): g is Extract<typeof g, { suppressed: false }> & KnowledgeFigures =>
      !g.suppressed && 'items' in g,
  )
  // Shown, but with their n only (decision 007): e.g. areas, whose figures would cut across
  // the sectors' and so bound a hidden combination.
  const sizeOnly = data.groups.filter(
    (g): g is Extract<typeof g, { suppressed: false }> => !g.suppressed && !('items' in g),
  )
  const hidden = data.groups.length - groups.length - sizeOnly.length
  const score = total.score
  const rating = total.selfRating

  return (
    <div className="knowledge">
      <section aria-labelledby="k-summary">
        <h3 id="k-summary">Knowledge score</h3>
        {score && (
          <p>
            {total.n} respondents. Mean score {num(score.mean)} of {score.max}
            {score.ci && ` (95 % CI ${num(score.ci[0])} to ${num(score.ci[1])})`}, SD{' '}
            {num(score.sd)}. Reliability (KR-20):{' '}
            {total.reliability
              ? num(total.reliability.kr20)
              : 'not given (under 30 respondents or 3 items)'}
            .
          </p>
        )}
        {score && <ScoreHistogram score={score} n={total.n} />}
      </section>
      <section aria-labelledby="k-items">
        <h3 id="k-items">Quiz items</h3>
        <KnowledgeItems figures={total} labels={labels} baseline={data.baseline?.label} />
      </section>
      {rating && (
        <section aria-labelledby="k-calibration">
          <h3 id="k-calibration">Confidence and knowledge</h3>
          <Calibration figures={total} title={labels.title(rating.question)} />
        </section>
      )}
      <section aria-labelledby="k-groups">
        <h3 id="k-groups">By {labels.dimensionTitle(dim).toLowerCase()}</h3>
        <div
          className="table-scroll"
          tabIndex={0}
          role="region"
          aria-label="Knowledge score by group"
        >
          <table className="survey-table">
            <caption>Mean score (of {score?.max}) per shown group with its 95 % interval.</caption>
            <thead>
              <tr>
                <th scope="col">{labels.dimensionTitle(dim)}</th>
                <th scope="col" className="number">
                  n
                </th>
                <th scope="col" className="number">
                  Mean score
                </th>
                <th scope="col">95 % interval</th>
                <th scope="col" className="number">
                  KR-20
                </th>
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <tr key={g.key[dim]}>
                  <th scope="row">{labels.choice(dim, g.key[dim])}</th>
                  <td className="number">{g.n}</td>
                  <td className="number">{num(g.score?.mean)}</td>
                  <td>
                    <Whisker
                      value={g.score?.mean ?? null}
                      ci={g.score?.ci ?? null}
                      max={g.score?.max ?? 1}
                      label={`mean ${num(g.score?.mean)}`}
                    />
                  </td>
                  <td className="number">{g.reliability ? num(g.reliability.kr20) : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p>
          {data.comparison
            ? `Kruskal-Wallis across the shown groups: H = ${num(data.comparison.statistic)}, df = ${data.comparison.df}, p ${pValue(data.comparison.p)}.`
            : 'No comparison: fewer than two groups are shown.'}
        </p>
        {sizeOnly.length > 0 && (
          <p className="hint">
            Shown with their size only, without figures, because figures of groups that cut across
            the other published tables could reveal a small group:{' '}
            {sizeOnly.map((g) => `${labels.choice(dim, g.key[dim])} (n = ${g.n})`).join(', ')}.
          </p>
        )}
        {hidden > 0 && (
          <p className="hint">
            {hidden} groups are not shown: empty, too small, or hidden to protect a small group.
          </p>
        )}
      </section>
    </div>
  )
}
