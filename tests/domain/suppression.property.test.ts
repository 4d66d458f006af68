import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  auditPublications,
  planSuppression,
  type CountRow,
  type Dimension,
  type Publication,
} from '../../server/domain/suppression'

interface Instance {
  k: number
  dimensions: Dimension[]
  /** Counts per full combination, last dimension fastest. */
  cube: number[]
}

const combinations = (sizes: number[]) => sizes.reduce((a, b) => a * b, 1)

/** Random small domains and sparse counts with many small cells; some tables are mostly empty. */
const instance = (minDims = 1): fc.Arbitrary<Instance> =>
  fc
    .record({
      k: fc.integer({ min: 3, max: 6 }),
      sizes: fc.array(fc.integer({ min: 2, max: 5 }), { minLength: minDims, maxLength: 3 }),
      empty: fc.integer({ min: 1, max: 8 }),
    })
    .chain(({ k, sizes, empty }) => {
      const count = fc.oneof(
        { weight: empty, arbitrary: fc.constant(0) },
        { weight: 4, arbitrary: fc.integer({ min: 1, max: k - 1 }) },
        { weight: 2, arbitrary: fc.integer({ min: k, max: 40 }) },
      )
      const size = combinations(sizes)
      return fc.record({
        k: fc.constant(k),
        dimensions: fc.constant(
          sizes.map((n, d) => ({
            name: `d${d}`,
            values: Array.from({ length: n }, (_, i) => `v${i}`),
          })),
        ),
        cube: fc.array(count, { minLength: size, maxLength: size }),
      })
    })

function rowsOf(dimensions: Dimension[], cube: number[]): CountRow[] {
  const sizes = dimensions.map((d) => d.values.length)
  return cube.flatMap((n, index) => {
    const key: Record<string, string> = {}
    let rest = index
    for (let d = sizes.length - 1; d >= 0; d--) {
      key[dimensions[d].name] = dimensions[d].values[rest % sizes[d]]
      rest = Math.floor(rest / sizes[d])
    }
    return n === 0 ? [] : [{ key, n }]
  })
}

/** True count of a cell of any table, summed straight from the rows. */
const trueCount = (rows: CountRow[], key: Record<string, string>) =>
  rows
    .filter((r) => Object.entries(key).every(([name, v]) => r.key[name] === v))
    .reduce((a, r) => a + r.n, 0)

/** Per line with a shown total: what it hides (0 or at least k, checked directly). */
function hiddenLineSums(publication: Publication): number[] {
  const sums: number[] = []
  const total = publication.tables.find((t) => t.by.length === 0)?.cells[0]
  for (const table of publication.tables) {
    if (table.by.length === 0) continue
    for (const line of table.by.length === 1 ? [[]] : table.by.map((name) => [name])) {
      const margin = (key: Record<string, string>) =>
        line.length === 0
          ? total
          : publication.tables
              .find((t) => t.by.length === 1 && t.by[0] === line[0])
              ?.cells.find((c) => c.key[line[0]] === key[line[0]])
      const groups = new Map<string, number>()
      for (const cell of table.cells) {
        const parent = margin(cell.key)
        if (!parent || parent.suppressed) continue
        const id = line.map((name) => cell.key[name]).join('|')
        groups.set(id, (groups.get(id) ?? parent.n) - (cell.suppressed ? 0 : cell.n))
      }
      sums.push(...groups.values())
    }
  }
  return sums
}

describe('planSuppression over random data', () => {
  it('publishes true counts only, hides every small cell, and leaves the attacker nothing', () => {
    fc.assert(
      fc.property(instance(2), ({ k, dimensions, cube }) => {
        const rows = rowsOf(dimensions, cube)
        const plan = planSuppression({ minGroupSize: k, dimensions, counts: rows })
        const total = trueCount(rows, {})
        expect(plan.tables).toHaveLength(
          1 + dimensions.length + (dimensions.length * (dimensions.length - 1)) / 2,
        )
        for (const table of plan.tables) {
          const size = combinations(
            table.by.map((name) => dimensions.find((d) => d.name === name)!.values.length),
          )
          expect(table.cells).toHaveLength(size)
          for (const cell of table.cells) {
            expect(Object.keys(cell.key).sort()).toEqual([...table.by].sort())
            const n = trueCount(rows, cell.key)
            if (cell.suppressed) expect(cell).toEqual({ key: cell.key, suppressed: true })
            else expect(cell.n).toBe(n)
            if (n < k || total < k) expect(cell.suppressed).toBe(true)
          }
        }
        for (const hidden of hiddenLineSums(plan)) expect(hidden === 0 || hidden >= k).toBe(true)
        expect(auditPublications([plan])).toEqual([])
      }),
      { numRuns: 300 },
    )
  })

  it('the attacker finds what primary suppression alone would leak (it is not toothless)', () => {
    let leaks = 0
    fc.assert(
      fc.property(instance(1), ({ k, dimensions, cube }) => {
        const rows = rowsOf(dimensions, cube)
        const naive: Publication = {
          minGroupSize: k,
          dimensions,
          tables: planSuppression({ minGroupSize: k, dimensions, counts: rows }).tables.map(
            (t) => ({
              by: t.by,
              cells: t.cells.map((c) => {
                const n = trueCount(rows, c.key)
                return n >= k
                  ? { key: c.key, suppressed: false as const, n }
                  : { key: c.key, suppressed: true as const }
              }),
            }),
          ),
        }
        const found = auditPublications([naive])
        // Whatever it reports is true: the disclosed count really is small.
        for (const d of found.filter((f) => f.kind === 'cell')) {
          const n = trueCount(rows, d.key as Record<string, string>)
          if ('release' in d.scope) expect(n >= d.lo && n <= d.hi && n >= 1 && n < k).toBe(true)
        }
        if (found.length > 0) leaks++
      }),
      { numRuns: 200 },
    )
    expect(leaks).toBeGreaterThan(50)
  })
})
