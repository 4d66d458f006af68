import type { Labels } from './labels'
import type { KnowledgeFigures } from './resultsApi'
import { Whisker } from './Whisker'

/** Below this corrected item-total correlation an item hardly tells who knows more. */
export const WEAK_DISCRIMINATION = 0.2

const pct = (x: number | null | undefined) => (x == null ? '–' : `${Math.round(x * 100)} %`)
const num = (x: number | null | undefined, digits = 2) => (x == null ? '–' : x.toFixed(digits))
const pValue = (p: number | null) => (p === null ? '–' : p < 0.001 ? '< 0.001' : p.toFixed(3))

/** Per quiz item: share correct with its interval, discrimination, and the baseline if set. */
export function KnowledgeItems({
  figures,
  labels,
  baseline,
}: {
  figures: KnowledgeFigures
  labels: Labels
  baseline?: string
}) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Quiz items table">
      <table className="survey-table knowledge-items">
        <caption>
          Share correct per quiz item with its 95 % Wilson interval (whisker), and discrimination:
          the correlation of the item with the rest of the score. Items under {WEAK_DISCRIMINATION}{' '}
          are flagged.{baseline && ` The diamond is the baseline (${baseline}).`}
        </caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col" className="number">
              Correct
            </th>
            <th scope="col">95 % interval</th>
            <th scope="col" className="number">
              Discrimination
            </th>
            {baseline && (
              <th scope="col" className="number">
                Difference from baseline (95 % CI, p)
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {figures.items.map((item) => {
            const weak = item.discrimination === null || item.discrimination < WEAK_DISCRIMINATION
            const ci = item.ci ? `${pct(item.ci[0])} to ${pct(item.ci[1])}` : 'none'
            return (
              <tr key={item.name}>
                <th scope="row">{labels.title(item.name)}</th>
                <td className="number">
                  {pct(item.share)}{' '}
                  <span className="muted">
                    ({item.correct}/{item.n})
                  </span>
                </td>
                <td>
                  <Whisker
                    value={item.share}
                    ci={item.ci}
                    max={1}
                    reference={item.baseline?.share}
                    label={`${pct(item.share)} correct, interval ${ci}`}
                  />
                </td>
                <td className="number">
                  {num(item.discrimination)}
                  {weak && <span className="flag"> ⚠ weak</span>}
                </td>
                {baseline && (
                  <td className="number">
                    {item.baseline
                      ? `${item.baseline.difference >= 0 ? '+' : ''}${Math.round(item.baseline.difference * 100)} pp (${pct(item.baseline.ci?.[0])} to ${pct(item.baseline.ci?.[1])}, p ${pValue(item.baseline.p)})`
                      : '–'}
                  </td>
                )}
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}

export { num, pct, pValue }
