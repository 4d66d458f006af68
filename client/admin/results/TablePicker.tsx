import type { Grouping } from './labels'
import { useResultTexts } from './texts'

interface Props {
  /** Every dimension the questionnaire groups by, each followed by its levels. */
  groupings: Grouping[]
  /** The table shown: one or two dimensions or levels. */
  by: string[]
  onChange: (by: string[]) => void
}

/**
 * Rows and (optionally) columns of the cross-table: any one or two dimensions or levels, but
 * never a level against its own dimension (region × collaborative area repeats region).
 */
export function TablePicker({ groupings, by, onChange }: Props) {
  const { r } = useResultTexts()
  const [rows, columns = ''] = by
  if (groupings.length === 0) return null
  const rootOf = (name: string) => groupings.find((g) => g.name === name)?.root ?? name
  const options = (list: Grouping[]) =>
    list.map((g) => (
      <option key={g.name} value={g.name}>
        {g.title}
      </option>
    ))
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
            onChange(columns && rootOf(columns) !== rootOf(next) ? [next, columns] : [next])
          }}
        >
          {options(groupings)}
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
          {options(groupings.filter((g) => g.root !== rootOf(rows)))}
        </select>
      </span>
    </div>
  )
}
