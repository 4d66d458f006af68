/** Between the family's variables and what a release shows. */
import { byOf, keyOf, tableFor, varFor } from './keys'
import { emptyPins, type Pins } from './model'
import type { Family } from './tables'
import type { Dimension, Publication, PublishedCell, PublishedTable } from './types'
import { validateCount } from './validate'

/** Every published table of the family; `shown[v]` = the count of v is published. */
export function toPublication(
  family: Family,
  domain: readonly Dimension[],
  minGroupSize: number,
  counts: Float64Array,
  shown: Uint8Array,
): Publication {
  const outside = emptyPins(family, domain)
  const own = new Set(domain.map((d) => d.name))
  const tables: PublishedTable[] = family.tables
    // A level this release does not declare is not published by it.
    .filter((table) => table.published && table.dims.every((d) => own.has(family.dimensions[d].name)))
    .map((table) => {
      const cells: PublishedCell[] = []
      for (let v = table.offset; v < table.offset + table.size; v++) {
        if (outside[v] === 0) continue
        const { key } = keyOf(family, v)
        cells.push(shown[v] ? { key, suppressed: false, n: counts[v] } : { key, suppressed: true })
      }
      return { by: byOf(family, table), cells }
    })
  return { minGroupSize, dimensions: domain, tables }
}

/** What an attacker knows of one release: its shown counts, and zeros outside its domain. */
export function pinsFromPublication(family: Family, publication: Publication): Pins {
  const pins = emptyPins(family, publication.dimensions)
  const seen = new Set<number>()
  for (const published of publication.tables) {
    const table = tableFor(family, published.by)
    if (!table.published) throw new TypeError('suppression: full combinations are never published')
    for (const cell of published.cells) {
      const v = varFor(family, table, cell.key)
      if (seen.has(v) || pins[v] === 0) {
        throw new TypeError(`suppression: repeated or foreign cell ${JSON.stringify(cell.key)}`)
      }
      seen.add(v)
      if (!cell.suppressed) pins[v] = validateCount(cell.n, JSON.stringify(cell.key))
    }
  }
  return pins
}

/** The table for `by=a,b` in any order, e.g. for the aggregates API. */
export function selectTable(publication: Publication, by: readonly string[]): PublishedTable {
  const wanted = new Set(by)
  const table = publication.tables.find(
    (t) =>
      t.by.length === by.length && wanted.size === by.length && t.by.every((n) => wanted.has(n)),
  )
  if (!table) throw new TypeError(`suppression: the release has no table by [${by.join(', ')}]`)
  return table
}
