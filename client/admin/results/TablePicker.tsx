import { dimensionName } from './labels'
import { useResultTexts } from './texts'

interface Props {
  /** Every dimension the questionnaire groups by. */
  dimensions: string[]
  /** The table shown: one or two dimensions. */
  by: string[]
  onChange: (by: string[]) => void
}

/** Rows and (optionally) columns of the cross-table: any one or two dimensions. */
export function TablePicker({ dimensions, by, onChange }: Props) {
  const { r } = useResultTexts()
  const [rows, columns = ''] = by
  if (dimensions.length === 0) return null
  return (
    <div className="table-picker" role="group" aria-label={r.tableBy}>
      {/* Labels beside (not around) the selects: their names stay "Rows" and "Columns". */}
      <span className="results-field">
        <label htmlFor="table-rows">{r.rows}</label>
        <select
          id="table-rows"
          value={rows}
          onChange={(event) => {
            const next = event.target.value
            onChange(columns && columns !== next ? [next, columns] : [next])
          }}
        >
          {dimensions.map((d) => (
            <option key={d} value={d}>
              {dimensionName(d)}
            </option>
          ))}
        </select>
      </span>
      <span className="results-field">
        <label htmlFor="table-columns">{r.columns}</label>
        <select
          id="table-columns"
          value={columns}
          onChange={(event) => onChange(event.target.value ? [rows, event.target.value] : [rows])}
        >
          <option value="">{r.noColumns}</option>
          {dimensions
            .filter((d) => d !== rows)
            .map((d) => (
              <option key={d} value={d}>
                {dimensionName(d)}
              </option>
            ))}
        </select>
      </span>
    </div>
  )
}
