/** One problem or warning in a workbook, where an admin would look for it (row 1 is the header). */
// A type alias (not an interface) so problems are assignable to the error details' record type.
export type SheetProblem = {
  sheet: string
  row: number
  column: string
  message: string
}

/** A cell of a sheet as text, trimmed; absent and empty cells are ''. */
export interface SheetRow {
  row: number
  cells: Record<string, string>
}

export interface Sheet {
  name: string
  columns: string[]
  rows: SheetRow[]
}

/** The three XLSForm sheets and our own `levels` by name; a missing sheet has no rows. */
export type Workbook = Record<'survey' | 'choices' | 'settings' | 'levels', Sheet>

/** Sheets as written: `levels` only when the definition has levels. */
export type SheetTexts = Record<'survey' | 'choices' | 'settings', string[][]> & {
  levels?: string[][]
}
