/**
 * k-anonymity for the response-level export: every combination of dimension values in the file
 * occurs at least k times. Rare combinations are generalised one dimension at a time (its value
 * becomes GENERALISED), in a fixed order; rows still rare after every dimension are dropped. The
 * submission month is kept only where each month of a combination holds k rows too.
 */

/** Value that replaces a dimension value shared by too few rows. */
export const GENERALISED = '_other'

/** Dimensions generalised first (coarsest loss last); others come before these, in reverse order. */
const GENERALISE_FIRST = ['region', 'profession', 'sector']

export interface ResponseRecord<Cells> {
  /** YYYY-MM; nothing finer is ever read. */
  month: string
  /** Values of the dimensions, in AnonymiseOptions.dimensions order; '' = not answered. */
  dimensions: readonly string[]
  /** The other columns, passed through untouched. */
  cells: Cells
}

export interface AnonymisedRow<Cells> {
  month: string
  dimensions: string[]
  /** Names of the dimensions generalised in this row. */
  generalised: string[]
  cells: Cells
}

export interface AnonymisationReport {
  minGroupSize: number
  dimensions: string[]
  rowsIn: number
  rowsOut: number
  dropped: number
  /** Rows (of those kept) with each dimension generalised. */
  generalised: Record<string, number>
  /** Rows (of those kept) whose month was blanked. */
  monthBlanked: number
}

export interface AnonymiseOptions {
  minGroupSize: number
  dimensions: readonly string[]
  /** Uniform in [0, 1), for the shuffle. */
  random: () => number
}

/** Indices of the dimensions in the order they are generalised. */
export function generaliseOrder(dimensions: readonly string[]): number[] {
  const rank = (name: string) => GENERALISE_FIRST.indexOf(name)
  const indices = dimensions.map((_, i) => i)
  const others = indices.filter((i) => rank(dimensions[i]) < 0).reverse()
  const known = indices
    .filter((i) => rank(dimensions[i]) >= 0)
    .sort((a, b) => rank(dimensions[a]) - rank(dimensions[b]))
  return [...others, ...known]
}

const keyOf = (values: readonly string[]) => JSON.stringify(values)

function countBy<T>(items: readonly T[], key: (item: T) => string) {
  const counts = new Map<string, number>()
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1)
  return counts
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[items[i], items[j]] = [items[j], items[i]]
  }
  return items
}

export function anonymiseResponses<Cells>(
  records: readonly ResponseRecord<Cells>[],
  options: AnonymiseOptions,
): { rows: AnonymisedRow<Cells>[]; report: AnonymisationReport } {
  const k = options.minGroupSize
  const names = options.dimensions
  let rows: AnonymisedRow<Cells>[] = records.map((record) => ({
    month: record.month,
    dimensions: [...record.dimensions],
    generalised: [],
    cells: record.cells,
  }))
  for (const index of generaliseOrder(names)) {
    const counts = countBy(rows, (row) => keyOf(row.dimensions))
    for (const row of rows) {
      if (counts.get(keyOf(row.dimensions))! >= k) continue
      row.dimensions[index] = GENERALISED
      row.generalised.push(names[index])
    }
  }
  const combinations = countBy(rows, (row) => keyOf(row.dimensions))
  rows = rows.filter((row) => combinations.get(keyOf(row.dimensions))! >= k)

  // A combination keeps its months only if every month in it holds k rows: blanking some rows'
  // months would let the blank ones be told apart by subtraction.
  const months = countBy(rows, (row) => keyOf([...row.dimensions, row.month]))
  const blankCombinations = new Set(
    rows
      .filter((row) => months.get(keyOf([...row.dimensions, row.month]))! < k)
      .map((row) => keyOf(row.dimensions)),
  )
  let monthBlanked = 0
  for (const row of rows) {
    if (!blankCombinations.has(keyOf(row.dimensions))) continue
    row.month = ''
    monthBlanked++
  }

  const generalised = Object.fromEntries(names.map((name) => [name, 0]))
  for (const row of rows) for (const name of row.generalised) generalised[name]++
  return {
    rows: shuffle(rows, options.random),
    report: {
      minGroupSize: k,
      dimensions: [...names],
      rowsIn: records.length,
      rowsOut: rows.length,
      dropped: records.length - rows.length,
      generalised,
      monthBlanked,
    },
  }
}
