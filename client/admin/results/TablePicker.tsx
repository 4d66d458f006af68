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
      <label className="results-field">
        {r.rows}
        <select
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
      </label>
      <label className="results-field">
        {r.columns}
        <select
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
      </label>
    </div>
  )
}
