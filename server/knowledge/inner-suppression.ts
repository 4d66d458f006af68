/**
 * Counts inside a release's groups (score bins, self-rating values): which may be shown.
 *
 * The release's publication fixes which groups are shown (docs/decisions/003). Inside them, a
 * category with 1..k-1 respondents is hidden (primary), and complements are hidden by the same
 * line rules the release planner uses, over every table of the release at once (so every `by`
 * shows one consistent pattern):
 * - a cell's categories (plus `rest`, never shown: e.g. not answered) add up to the cell's n;
 * - a category over a one-way table's cells adds up to the total's count of it;
 * - a category over a row or column of a two-way table adds up to the one-way cell's count.
 * If a line's sum is shown, what it hides (nonzero) is none or together at least k; if its sum is
 * hidden, at least one nonzero member is hidden too. Zeros never count as protection. Figures
 * derived by subtracting shown counts therefore describe 0 or at least k respondents.
 */
import type { CellKey, Publication } from '../domain/suppression/index.js'

export interface InnerCounts {
  /** One entry per table of the publication, same order; per cell, counts per category + rest. */
  counts: number[][][]
}

/** Per table, per cell (publication order), per category (rest excluded): shown or not. */
export type InnerPattern = boolean[][][]

type Entry = readonly [table: number, cell: number, category: number]
interface Line {
  /** The sum: a cell's n (`cell`), or another entry. */
  margin: { cell: readonly [number, number] } | { entry: Entry }
  members: Entry[]
}

export const cellId = (by: readonly string[], key: CellKey) =>
  JSON.stringify(by.map((name) => key[name]))

/** The lines of the family: see the module comment. */
function linesOf(publication: Publication, categories: number): Line[] {
  const { tables } = publication
  const lines: Line[] = []
  const indexOf = tables.map((t) => new Map(t.cells.map((c, i) => [cellId(t.by, c.key), i])))
  tables.forEach((table, t) =>
    table.cells.forEach((_, c) => {
      const members = Array.from({ length: categories + 1 }, (_, k) => [t, c, k] as const)
      lines.push({ margin: { cell: [t, c] }, members })
    }),
  )
  tables.forEach((table, t) => {
    for (const name of table.by) {
      const byMargin = table.by.filter((other) => other !== name)
      const m = tables.findIndex(
        (other) =>
          other.by.length === byMargin.length && byMargin.every((n) => other.by.includes(n)),
      )
      const groups = new Map<number, number[]>()
      table.cells.forEach((cell, c) => {
        const marginCell = indexOf[m].get(cellId(tables[m].by, cell.key))!
        groups.set(marginCell, [...(groups.get(marginCell) ?? []), c])
      })
      for (const [marginCell, cells] of groups) {
        for (let k = 0; k < categories; k++) {
          const members = cells.map((c) => [t, c, k] as const)
          lines.push({ margin: { entry: [m, marginCell, k] }, members })
        }
      }
    }
  })
  return lines
}

/** Plans which inner counts may be shown; `categories` excludes the rest (the last count). */
export function planInnerCounts(
  publication: Publication,
  counts: number[][][],
  categories: number,
  /** Per table and cell: shown, but with its n only (no statistics, so no inner counts). */
  nOnly: boolean[][] = publication.tables.map((t) => t.cells.map(() => false)),
): InnerPattern {
  const k = publication.minGroupSize
  const count = ([t, c, cat]: Entry) => counts[t][c][cat]
  const hidden = publication.tables.map((table, t) =>
    table.cells.map((cell, c) =>
      Array.from({ length: categories + 1 }, (_, cat) => {
        const n = counts[t][c][cat]
        return cell.suppressed || nOnly[t][c] || cat === categories || (n > 0 && n < k)
      }),
    ),
  )
  const isHidden = ([t, c, cat]: Entry) => hidden[t][c][cat]
  const lines = linesOf(publication, categories)
  for (let changed = true; changed;) {
    changed = false
    for (const line of lines) {
      const nonzero = line.members.filter((e) => count(e) > 0)
      const hiddenSum = nonzero.filter(isHidden).reduce((s, e) => s + count(e), 0)
      const marginShown =
        'cell' in line.margin
          ? !publication.tables[line.margin.cell[0]].cells[line.margin.cell[1]].suppressed
          : !isHidden(line.margin.entry)
      const unsafe = marginShown
        ? hiddenSum > 0 && hiddenSum < k
        : nonzero.length > 0 && hiddenSum === 0
      if (!unsafe) continue
      const candidates = nonzero.filter((e) => !isHidden(e)).sort((a, b) => count(a) - count(b))
      if (candidates.length === 0) continue
      const [t, c, cat] = candidates[0]
      hidden[t][c][cat] = true
      changed = true
    }
  }
  return hidden.map((table) => table.map((cell) => cell.slice(0, categories).map((h) => !h)))
}

/**
 * Score bins for a release: 0..max cut where the total has reached at least k respondents, a
 * short last bin joined to the one before. Wide bins in the sparse tails, single scores where the
 * data are dense; one partition for every table, so bins never differ between groups.
 */
export function scoreBins(totalByScore: readonly number[], k: number): [number, number][] {
  const bins: [number, number][] = []
  let start = 0
  let acc = 0
  totalByScore.forEach((n, score) => {
    acc += n
    if (acc >= k) {
      bins.push([start, score])
      start = score + 1
      acc = 0
    }
  })
  const max = totalByScore.length - 1
  if (start <= max) {
    if (bins.length > 0) bins[bins.length - 1][1] = max
    else bins.push([0, max])
  }
  return bins
}

export const binLabel = ([lo, hi]: readonly [number, number]) =>
  lo === hi ? `${lo}` : `${lo}-${hi}`
