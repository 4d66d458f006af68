/**
 * Which shown groups carry statistics (answer counts, means, shares, knowledge score): decision
 * 007. Statistics of groups that cross (sector 1 and region 2, or a cell and an earlier release's
 * hidden cell) act like one more dimension crossing the tables: answer counts of the crossing
 * groups bound the hidden combination. On a laminar family (every two groups nested or
 * disjoint) they cannot: within each finest group, any split of its answers among its
 * combinations fits every published figure, so they say nothing about how many respondents are
 * in any combination. The family: the total, the first dimension, the first two dimensions, each
 * group only while it has been shown in every earlier release that showed anything. A level
 * nests too (its groups are unions of values): the first level of the first dimension goes
 * between the total and it, and the first dimension by the first level of the second between
 * the first dimension and the first two (sector ⊃ sector × area ⊃ sector × region).
 */
import type { CellKey, Publication } from './types'

export const cellId = (by: readonly string[], key: CellKey) => JSON.stringify(by.map((d) => key[d]))

/**
 * The chain of tables with statistics: [], [L0], [d0], [d0, L1], [d0, d1] (real dimensions in the
 * release's order; L0, L1 the first level of d0, d1, where there is one).
 */
export function statisticsChain(publication: Publication): string[][] {
  const real = publication.dimensions.filter((d) => !d.level).map((d) => d.name)
  const levelOf = (name: string | undefined) =>
    publication.dimensions.find((d) => d.level && d.level.of === name)?.name
  const [d0, d1] = real
  const [l0, l1] = [levelOf(d0), levelOf(d1)]
  const chain: string[][] = [[]]
  if (l0) chain.push([l0])
  if (d0) chain.push([d0])
  if (d0 && l1) chain.push([d0, l1])
  if (d0 && d1) chain.push([d0, d1])
  return chain
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x))

function shownCells(publication: Publication, by: readonly string[]): Set<string> {
  const table = publication.tables.find((t) => sameSet(t.by, by))
  const ids = new Set<string>()
  for (const cell of table?.cells ?? []) if (!cell.suppressed) ids.add(cellId(by, cell.key))
  return ids
}

/**
 * Cells (by `cellId(by, key)`) of release `release` (1-based) in the table `by` whose statistics
 * are published; the other shown cells show their n only.
 */
export function cellsWithStatistics(
  publications: readonly Publication[],
  release: number,
  by: readonly string[],
): Set<string> {
  const current = publications[release - 1]
  if (!current || !statisticsChain(current).some((chain) => sameSet(chain, by))) return new Set()
  const cells = shownCells(current, by)
  for (const earlier of publications.slice(0, release - 1)) {
    if (shownCells(earlier, []).size === 0) continue // that release published nothing
    const shown = shownCells(earlier, by)
    for (const id of cells) if (!shown.has(id)) cells.delete(id)
  }
  return cells
}
