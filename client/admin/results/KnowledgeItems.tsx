import { fill } from '../i18n'
import type { Labels } from './labels'
import type { KnowledgeFigures } from './resultsApi'
import { useResultTexts } from './texts'
import { Whisker } from './Whisker'

/** Below this corrected item-total correlation an item hardly tells who knows more. */
export const WEAK_DISCRIMINATION = 0.2

const pct = (x: number | null | undefined) => (x == null ? '–' : `${Math.round(x * 100)} %`)
const num = (x: number | null | undefined, digits = 2) => (x == null ? '–' : x.toFixed(digits))
const pValue = (p: number | null) => (p === null ? '–' : p < 0.001 ? '< 0.001' : p.toFixed(3))

/** num and pValue with the locale's decimal sign: a comma in Finnish and Swedish. */
export function numbers(locale: string) {
  const sign = (text: string) => (locale === 'en' ? text : text.replace('.', ','))
  return {
    num: (x: number | null | undefined, digits = 2) => sign(num(x, digits)),
    pValue: (p: number | null) => sign(pValue(p)),
  }
}

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
  const { locale, r } = useResultTexts()
  const { num, pValue } = numbers(locale)
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={r.itemsRegion}>
      <table className="survey-table knowledge-items">
        <caption>
          {fill(r.itemsCaption, { weak: num(WEAK_DISCRIMINATION, 1) })}
          {baseline && fill(r.baselineNote, { baseline })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{r.item}</th>
            <th scope="col" className="number">
              {r.correctShare}
            </th>
            <th scope="col">{r.interval}</th>
            <th scope="col" className="number">
              {r.discrimination}
            </th>
            {baseline && (
              <th scope="col" className="number">
                {r.baselineDifference}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {figures.items.map((item) => {
            const weak = item.discrimination === null || item.discrimination < WEAK_DISCRIMINATION
            const ci = item.ci ? fill(r.range, { low: pct(item.ci[0]), high: pct(item.ci[1]) }) : r.none
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
                    label={fill(r.itemLabel, { share: pct(item.share), ci })}
                  />
                </td>
                <td className="number">
                  {num(item.discrimination)}
                  {weak && <span className="flag"> ⚠ {r.weak}</span>}
                </td>
                {baseline && (
                  <td className="number">
                    {item.baseline
                      ? `${item.baseline.difference >= 0 ? '+' : ''}${Math.round(item.baseline.difference * 100)} pp (${fill(r.range, { low: pct(item.baseline.ci?.[0]), high: pct(item.baseline.ci?.[1]) })}, p ${pValue(item.baseline.p)})`
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
