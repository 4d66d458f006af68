import { toPercent } from './labelled-rows.js'
import type { AggregatesView } from './long-table.js'

/** A shown figure, or the marker of a suppressed (or empty) group. */
export type CrossCell = number | null | 'suppressed'

export const SUPPRESSED_CELL = 'suppressed'

export interface CrossTable {
  rowDimension: string
  /** null for a one-way table (a single column). */
  columnDimension: string | null
  rows: string[]
  rowLabels: string[]
  columns: string[]
  columnLabels: string[]
  respondents: CrossCell[][]
  /** Mean knowledge score in percent (0-100, one decimal), as every percentage of the files. */
  knowledgeScore: CrossCell[][]
}

const distinct = (values: string[]) => [...new Set(values)]

/** The groups of one aggregates view laid out as a table (rows: first dimension). */
export function crossTable(
  view: AggregatesView,
  label: (dimension: string, value: string) => string = () => '',
): CrossTable {
  const [rowDimension, columnDimension = null] = view.by
  const rows = distinct(view.groups.map((g) => g.key[rowDimension]))
  const columns = columnDimension ? distinct(view.groups.map((g) => g.key[columnDimension])) : ['']
  const lookup = new Map(
    view.groups.map((g) => [
      JSON.stringify([g.key[rowDimension], columnDimension ? g.key[columnDimension] : '']),
      g,
    ]),
  )
  const grid = (measure: (g: { n?: number; knowledgeScore?: number | null }) => number | null) =>
    rows.map((row) =>
      columns.map((column): CrossCell => {
        const group = lookup.get(JSON.stringify([row, column]))
        if (!group || group.suppressed) return SUPPRESSED_CELL
        return measure(group)
      }),
    )
  return {
    rowDimension,
    columnDimension,
    rows,
    rowLabels: rows.map((row) => label(rowDimension, row)),
    columns,
    columnLabels: columnDimension ? columns.map((c) => label(columnDimension, c)) : [],
    respondents: grid((g) => g.n ?? null),
    knowledgeScore: grid((g) => toPercent(g.knowledgeScore ?? null)),
  }
}
