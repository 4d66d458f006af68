import { useState } from 'react'
import { fill } from '../i18n'
import { sortValues, type Labels } from './labels'
import type { Aggregates, Group } from './resultsApi'
import { formatPercent, useResultTexts } from './texts'
import { Words } from './Words'

type Measure = 'n' | 'score'

const percent = (share: number) => `${Math.round(share * 100)} %`

const SHADE = [11, 114, 97]

const luminance = (rgb: number[]) => {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/** White text only where it meets WCAG AA (4.5:1) on the shade painted over white. */
export function whiteReads(alpha: number) {
  const background = SHADE.map((c) => 255 * (1 - alpha) + c * alpha)
  return 1.05 / (luminance(background) + 0.05) >= 4.5
}

/** "218 of 230 cells hidden (95 %)": counted from the published groups, as the table shows. */
export function hiddenShare(groups: readonly Group[]) {
  const hidden = groups.filter((g) => g.suppressed).length
  const share = groups.length > 0 ? Math.round((hidden / groups.length) * 100) : 0
  return { hidden, cells: groups.length, share }
}

/** An accessible cross-table of the two dimensions, cells shaded by the chosen measure. */
export function Heatmap({ data, labels }: { data: Aggregates; labels: Labels }) {
  const [measure, setMeasure] = useState<Measure>('n')
  const { locale, r } = useResultTexts()
  // Counts with their share of all respondents: "9 (3,0 %)".
  const totalN = 'n' in data.total ? data.total.n : undefined
  const share = hiddenShare(data.groups)
  const [rowDim, colDim] = data.by
  const k = data.minGroupSize
  const hiddenText = fill(r.suppressedCell, { k })
  const values = (dim: string | undefined) =>
    dim ? sortValues([...new Set(data.groups.map((g) => g.key[dim]))], labels.order(dim)) : ['']
  const rows = values(rowDim)
  const cols = values(colDim)
  const cells = new Map(data.groups.map((g) => [`${g.key[rowDim]}\u0000${g.key[colDim] ?? ''}`, g]))

  const valueOf = (group: Group | undefined): number | null => {
    if (!group || group.suppressed) return null
    return measure === 'n' ? group.n : (group.knowledgeScore ?? null)
  }
  const shown = data.groups.map(valueOf).filter((v): v is number => v !== null)
  const max = Math.max(0, ...shown)
  const min = measure === 'n' ? 0 : Math.min(...shown, 1)

  return (
    <>
      <div className="segmented" role="group" aria-label={r.showInCells}>
        {(['n', 'score'] as const).map((m) => (
          <button key={m} type="button" aria-pressed={measure === m} onClick={() => setMeasure(m)}>
            {m === 'n' ? r.respondents : r.meanKnowledge}
          </button>
        ))}
      </div>
      <p className="hidden-share" data-hidden={share.hidden} data-cells={share.cells}>
        {share.hidden > 0 ? fill(r.hiddenCells, share) : r.noneHidden}
      </p>
      {/* Wide (one column per value): a focusable region so keyboard users can scroll it. */}
      <div className="table-scroll" tabIndex={0} role="region" aria-label={r.heatmapRegion}>
        <table className="heatmap sticky-rows">
          <caption>
            {fill(r.heatmapCaption, {
              measure: measure === 'n' ? r.respondents : r.measureScore,
              rows: labels.dimensionTitle(rowDim).toLowerCase(),
              cols: colDim
                ? fill(r.andColumns, { dim: labels.dimensionTitle(colDim).toLowerCase() })
                : '',
              k,
            })}
          </caption>
          <thead>
            <tr>
              <td />
              {cols.map((col) => (
                <th key={col} scope="col">
                  <Words text={colDim ? labels.choice(colDim, col) : r.all} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row}>
                <th scope="row">
                  <Words text={labels.choice(rowDim, row)} />
                </th>
                {cols.map((col) => {
                  const cell = cells.get(`${row}\u0000${col}`)
                  const value = valueOf(cell)
                  if (value === null) {
                    // Shown with its n only (decision 007): no figures at all, not "no answers".
                    const shown = cell?.suppressed === false ? cell : undefined
                    const figures = Object.keys(shown?.questions ?? {}).length > 0
                    const text = !shown ? hiddenText : figures ? r.noQuizAnswers : r.noStatistics
                    return (
                      <td key={col} className="cell-hidden" title={text} aria-label={text}>
                        –
                      </td>
                    )
                  }
                  const level = max > min ? (value - min) / (max - min) : 1
                  const alpha = 0.12 + level * 0.88
                  return (
                    <td
                      key={col}
                      className={`cell-value${whiteReads(alpha) ? ' cell-dark' : ''}`}
                      style={{ backgroundColor: `rgb(11 114 97 / ${alpha})` }}
                    >
                      {/* One text: axe cannot check the contrast of a lone digit. */}
                      {measure === 'n'
                        ? `${value}${totalN ? ` (${formatPercent(value / totalN, locale)})` : ''}`
                        : percent(value)}
                    </td>
                  )
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}
