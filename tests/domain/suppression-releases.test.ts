import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  auditPublications,
  checkRelease,
  planSuppression,
  type CountRow,
  type Dimension,
  type Publication,
  type PublishedCell,
} from '../../server/domain/suppression'

const sector: Dimension = { name: 'sector', values: ['a', 'b', 'c'] }
const bySector = (a: number, b: number, c: number): CountRow[] =>
  [a, b, c].map((n, i) => ({ key: { sector: sector.values[i] }, n }))
const plan = (counts: CountRow[], previous: Publication[] = [], dimensions = [sector]) =>
  planSuppression({ minGroupSize: 5, dimensions, counts }, previous)

const cellsOf = (p: Publication, by: string[]) =>
  p.tables.find((t) => t.by.join() === by.join())?.cells ?? []

describe('releases', () => {
  it('refuses a release planned alone when a shown count grew by fewer than k', () => {
    const first = plan(bySector(10, 10, 20))
    const second = plan(bySector(12, 15, 25))
    const result = checkRelease([first], second)
    expect(result.ok).toBe(false)
    expect(!result.ok && result.reasons).toContain(
      'new respondents between release 1 and 2, by sector, sector=a: count is exactly 2',
    )
  })

  it('plans a release against the earlier ones: small growth is hidden, then accepted', () => {
    const first = plan(bySector(10, 10, 20))
    const second = plan(bySector(12, 15, 25), [first])
    expect(cellsOf(second, ['sector']).map((c) => c.suppressed)).toEqual([true, true, false])
    expect(checkRelease([first], second)).toEqual({ ok: true })
    expect(auditPublications([first, second])).toEqual([])
  })

  it('cannot hide a total that grew by fewer than k: that release is refused', () => {
    const first = plan(bySector(10, 10, 20))
    const second = plan(bySector(10, 10, 23), [first])
    const result = checkRelease([first], second)
    expect(!result.ok && result.reasons).toContain(
      'new respondents between release 1 and 2, the total: count is exactly 3',
    )
  })

  it('accepts a first release, and one whose dimension gained a value', () => {
    const first = plan(bySector(10, 10, 20))
    expect(checkRelease([], first)).toEqual({ ok: true })
    const wider: Dimension = { name: 'sector', values: ['a', 'b', 'c', 'd'] }
    const counts = [...bySector(10, 10, 20), { key: { sector: 'd' }, n: 6 }]
    const second = plan(counts, [first], [wider])
    expect(cellsOf(second, ['sector'])).toHaveLength(4)
    expect(checkRelease([first], second)).toEqual({ ok: true })
  })
})

interface Story {
  k: number
  dimensions: Dimension[]
  /** Counts per full combination of each release (cumulative). */
  releases: number[][]
  aware: boolean
}

const story: fc.Arbitrary<Story> = fc
  .record({
    k: fc.integer({ min: 3, max: 6 }),
    sizes: fc.array(fc.integer({ min: 2, max: 4 }), { minLength: 2, maxLength: 3 }),
    steps: fc.integer({ min: 1, max: 2 }),
    aware: fc.boolean(),
  })
  .chain(({ k, sizes, steps, aware }) => {
    const size = sizes.reduce((a, b) => a * b, 1)
    const cell = (zeros: number) =>
      fc.oneof(
        { weight: zeros, arbitrary: fc.constant(0) },
        { weight: 3, arbitrary: fc.integer({ min: 1, max: k - 1 }) },
        { weight: 2, arbitrary: fc.integer({ min: k, max: 30 }) },
      )
    const cube = (zeros: number) => fc.array(cell(zeros), { minLength: size, maxLength: size })
    return fc.record({
      k: fc.constant(k),
      dimensions: fc.constant(
        sizes.map((n, d) => ({
          name: `d${d}`,
          values: Array.from({ length: n }, (_, i) => `v${i}`),
        })),
      ),
      releases: fc
        .tuple(cube(3), fc.array(cube(8), { minLength: steps, maxLength: steps }))
        .map(([start, growths]) =>
          growths.reduce(
            (all, g) => [...all, all[all.length - 1].map((n, i) => n + g[i])],
            [start],
          ),
        ),
      aware: fc.constant(aware),
    })
  })

function rowsOf(dimensions: Dimension[], cube: number[]): CountRow[] {
  return cube.map((n, index) => {
    const key: Record<string, string> = {}
    let rest = index
    for (let d = dimensions.length - 1; d >= 0; d--) {
      const values = dimensions[d].values
      key[dimensions[d].name] = values[rest % values.length]
      rest = Math.floor(rest / values.length)
    }
    return { key, n }
  })
}

const shown = (cells: readonly PublishedCell[]) =>
  new Map(cells.flatMap((c) => (c.suppressed ? [] : [[JSON.stringify(c.key), c.n] as const])))

describe('releases over random growth', () => {
  it('refuses the next release, or no disclosure is left in releases and differences', () => {
    let accepted = 0
    fc.assert(
      fc.property(story, ({ k, dimensions, releases, aware }) => {
        const published: Publication[] = []
        for (const cube of releases) {
          const counts = rowsOf(dimensions, cube)
          const next = planSuppression(
            { minGroupSize: k, dimensions, counts },
            aware ? published : [],
          )
          const check = checkRelease(published, next)
          if (published.length === 0) expect(check).toEqual({ ok: true })
          if (!check.ok) {
            expect(check.reasons.length).toBeGreaterThan(0)
            continue
          }
          expect(auditPublications([...published, next])).toEqual([])
          // Directly: a count shown in two releases grew by 0 or by at least k.
          for (const earlier of published) {
            next.tables.forEach((table, t) => {
              const before = shown(earlier.tables[t].cells)
              for (const [key, n] of shown(table.cells)) {
                const grown = n - (before.get(key) ?? n)
                expect(grown === 0 || grown >= k).toBe(true)
              }
            })
          }
          if (published.length > 0) accepted++
          published.push(next)
        }
      }),
      { numRuns: 200 },
    )
    expect(accepted).toBeGreaterThan(20)
  })
})
