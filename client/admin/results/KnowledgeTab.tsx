import { fill } from '../i18n'
import { LoadFailed } from '../LoadFailed'
import { useLoad } from '../useLoad'
import { Calibration, ScoreHistogram } from './KnowledgeCharts'
import { KnowledgeItems, numbers } from './KnowledgeItems'
import { type Labels } from './labels'
import { FiguresIn, sizeList } from './QuestionCharts'
import { knowledgeApi, type KnowledgeFigures } from './resultsApi'
import { useResultTexts } from './texts'
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
  const { locale, r } = useResultTexts()
  const { num, pValue } = numbers(locale)
  const { state, reload } = useLoad(
    () => knowledgeApi.knowledge(slug, { by: [dim], release }),
    `${slug}:${release}:${dim}`,
  )
  if (state.kind === 'loading') return <p role="status">{r.loadingKnowledge}</p>
  if (state.kind === 'failed') return <LoadFailed failure={state.failure} onRetry={reload} />
  const data = state.data
  const total = data.total
  if (!isFigures(total)) {
    return <p>{r.knowledgeLater}</p>
  }
  if (total.items.length === 0) return <p>{r.noQuiz}</p>
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
        <h3 id="k-summary">{r.scoreTitle}</h3>
        {score && (
          <p>
            {fill(r.scoreSummary, {
              n: total.n,
              mean: num(score.mean),
              max: score.max,
              ci: score.ci ? fill(r.scoreCi, { low: num(score.ci[0]), high: num(score.ci[1]) }) : '',
              sd: num(score.sd),
              kr20: total.reliability ? num(total.reliability.kr20) : r.noKr20,
            })}
          </p>
        )}
        {score && <ScoreHistogram score={score} n={total.n} />}
      </section>
      <section aria-labelledby="k-items">
        <h3 id="k-items">{r.itemsTitle}</h3>
        <KnowledgeItems figures={total} labels={labels} baseline={data.baseline?.label} />
      </section>
      {rating && (
        <section aria-labelledby="k-calibration">
          <h3 id="k-calibration">{r.calibrationTitle}</h3>
          <Calibration figures={total} title={labels.title(rating.question)} />
        </section>
      )}
      <section aria-labelledby="k-groups">
        <h3 id="k-groups">{fill(r.byGroup, { dim: labels.dimensionTitle(dim).toLowerCase() })}</h3>
        <div
          className="table-scroll"
          tabIndex={0}
          role="region"
          aria-label={r.groupsRegion}
        >
          <table className="survey-table">
            <caption>{fill(r.groupsCaption, { max: score?.max ?? '–' })}</caption>
            <thead>
              <tr>
                <th scope="col">{labels.dimensionTitle(dim)}</th>
                <th scope="col" className="number">
                  n
                </th>
                <th scope="col" className="number">
                  {r.meanScore}
                </th>
                <th scope="col">{r.interval}</th>
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
                      label={fill(r.meanLabel, { mean: num(g.score?.mean) })}
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
            ? fill(r.kruskal, {
                h: num(data.comparison.statistic),
                df: data.comparison.df,
                p: pValue(data.comparison.p),
              })
            : r.noComparison}
        </p>
        {sizeOnly.length > 0 && (
          <p className="hint">
            {fill(r.sizeOnlyFigures, { groups: sizeList(sizeOnly, dim, labels) })}{' '}
            <FiguresIn dim={dim} labels={labels} />
          </p>
        )}
        {hidden > 0 && (
          <p className="hint">{fill(r.groupsNotShown, { hidden })}</p>
        )}
      </section>
    </div>
  )
}
