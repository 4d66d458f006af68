/**
 * An independent, stronger attacker: exact linear-programming bounds (two-phase simplex) on
 * every hidden cell and every never-published full combination, from the published cells as
 * equations over the full combinations. Planned publications must leave it nothing either.
 * A fixed sample: the planner's own attacker (propagation + probing) is weaker than LP in
 * principle, so this is evidence on random data, not a proof.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { planSuppression, type Dimension, type Publication } from '../../server/domain/suppression'

const EPS = 1e-9

/** Dense simplex tableau for A x = b, x >= 0 (Bland's rule: no cycling). */
class Simplex {
  private rows: number[][]
  private basis: number[]

  constructor(
    A: number[][],
    b: number[],
    private readonly n: number,
  ) {
    const m = A.length
    this.rows = A.map((row, i) => {
      const sign = b[i] < 0 ? -1 : 1
      const r = new Array<number>(n + m + 1).fill(0)
      row.forEach((v, j) => (r[j] = sign * v))
      r[n + i] = 1
      r[n + m] = sign * b[i]
      return r
    })
    this.basis = A.map((_, i) => n + i)
    const phase1 = Array.from({ length: n + m }, (_, j) => (j >= n ? 1 : 0))
    this.optimize(phase1, n + m)
    if (this.value(phase1) > 1e-7) throw new Error('published counts are infeasible')
    for (let i = this.rows.length - 1; i >= 0; i--) {
      if (this.basis[i] < n) continue
      const j = this.rows[i].findIndex((v, col) => col < n && Math.abs(v) > EPS)
      if (j >= 0) this.pivot(i, j)
      else [this.rows, this.basis] = [this.rows.toSpliced(i, 1), this.basis.toSpliced(i, 1)]
    }
    this.rows = this.rows.map((r) => [...r.slice(0, n), r[r.length - 1]])
  }

  private pivot(r: number, c: number) {
    const row = this.rows[r]
    const p = row[c]
    for (let j = 0; j < row.length; j++) row[j] /= p
    this.rows.forEach((other, i) => {
      const f = other[c]
      if (i !== r && Math.abs(f) > 1e-15)
        for (let j = 0; j < other.length; j++) other[j] -= f * row[j]
    })
    this.basis[r] = c
  }

  private value(cost: number[]) {
    return this.basis.reduce(
      (z, bv, i) => z + (cost[bv] ?? 0) * this.rows[i][this.rows[i].length - 1],
      0,
    )
  }

  /** Minimises cost over the first `cols` columns; false when unbounded. */
  private optimize(cost: number[], cols: number): boolean {
    for (;;) {
      const inBasis = new Set(this.basis)
      let enter = -1
      for (let j = 0; j < cols && enter < 0; j++) {
        if (inBasis.has(j)) continue
        const reduced = this.rows.reduce(
          (rc, row, i) => rc - (cost[this.basis[i]] ?? 0) * row[j],
          cost[j] ?? 0,
        )
        if (reduced < -EPS) enter = j
      }
      if (enter < 0) return true
      let leave = -1
      let best = Infinity
      this.rows.forEach((row, i) => {
        if (row[enter] <= EPS) return
        const ratio = row[row.length - 1] / row[enter]
        if (ratio < best - EPS || (ratio <= best + EPS && this.basis[i] < this.basis[leave])) {
          ;[best, leave] = [ratio, i]
        }
      })
      if (leave < 0) return false
      this.pivot(leave, enter)
    }
  }

  /** [min, max] of c·x, each rounded to the integers it allows. */
  range(c: number[]): [number, number] {
    const [rows, basis] = [this.rows.map((r) => [...r]), [...this.basis]]
    const out = [1, -1].map((sign) => {
      const cost = c.map((v) => sign * v)
      const bounded = this.optimize(cost, this.n)
      const z = bounded ? sign * this.value(cost) : sign * Infinity
      ;[this.rows, this.basis] = [rows.map((r) => [...r]), [...basis]]
      return z
    })
    return [Math.ceil(out[0] - 1e-6), Math.floor(out[1] + 1e-6)]
  }
}

/** Cells (and never-published combinations) whose LP bounds lie within [1, k-1]. */
function lpDisclosures(publication: Publication): string[] {
  const dims = publication.dimensions
  const sizes = dims.map((d) => d.values.length)
  const size = sizes.reduce((a, b) => a * b, 1)
  const combos = Array.from({ length: size }, (_, index) => {
    const values: number[] = []
    let rest = index
    for (let d = sizes.length - 1; d >= 0; d--) {
      values[d] = rest % sizes[d]
      rest = Math.floor(rest / sizes[d])
    }
    return values
  })
  const A: number[][] = []
  const b: number[] = []
  const hidden: [string, number[]][] = []
  for (const table of publication.tables) {
    const at = table.by.map((name) => dims.findIndex((d) => d.name === name))
    for (const cell of table.cells) {
      const want = at.map((d, i) => dims[d].values.indexOf(cell.key[table.by[i]]))
      const row = combos.map((v) => (at.every((d, i) => v[d] === want[i]) ? 1 : 0))
      if (cell.suppressed) {
        hidden.push([JSON.stringify(cell.key), row])
      } else {
        A.push(row)
        b.push(cell.n)
      }
    }
  }
  if (dims.length > 2) {
    combos.forEach((v, i) =>
      hidden.push([`combination ${v}`, combos.map((_, j) => (i === j ? 1 : 0))]),
    )
  }
  const lp = new Simplex(A, b, size)
  const k = publication.minGroupSize
  return hidden.flatMap(([label, row]) => {
    const [lo, hi] = lp.range(row)
    return lo >= 1 && hi <= k - 1 ? [`${label} in [${lo}, ${hi}]`] : []
  })
}

const sample = fc
  .record({
    k: fc.integer({ min: 3, max: 6 }),
    sizes: fc.array(fc.integer({ min: 2, max: 4 }), { minLength: 2, maxLength: 3 }),
    zeros: fc.integer({ min: 1, max: 6 }),
  })
  .chain(({ k, sizes, zeros }) => {
    const size = sizes.reduce((a, b) => a * b, 1)
    const count = fc.oneof(
      { weight: zeros, arbitrary: fc.constant(0) },
      { weight: 4, arbitrary: fc.integer({ min: 1, max: k - 1 }) },
      { weight: 2, arbitrary: fc.integer({ min: k, max: 30 }) },
    )
    return fc.record({
      k: fc.constant(k),
      dimensions: fc.constant<Dimension[]>(
        sizes.map((n, d) => ({
          name: `d${d}`,
          values: Array.from({ length: n }, (_, i) => `v${i}`),
        })),
      ),
      cube: fc.array(count, { minLength: size, maxLength: size }),
    })
  })

function plan(k: number, dimensions: Dimension[], cube: number[], primaryOnly = false) {
  const counts = cube.map((n, index) => {
    const key: Record<string, string> = {}
    let rest = index
    for (let d = dimensions.length - 1; d >= 0; d--) {
      key[`d${d}`] = `v${rest % dimensions[d].values.length}`
      rest = Math.floor(rest / dimensions[d].values.length)
    }
    return { key, n }
  })
  const publication = planSuppression({ minGroupSize: k, dimensions, counts })
  if (!primaryOnly) return publication
  const trueCount = (key: Record<string, string>) =>
    counts
      .filter((c) => Object.entries(key).every(([d, v]) => c.key[d] === v))
      .reduce((a, c) => a + c.n, 0)
  const tables = publication.tables.map((t) => ({
    by: t.by,
    cells: t.cells.map(({ key }) => {
      const n = trueCount(key)
      return n >= k ? { key, suppressed: false as const, n } : { key, suppressed: true as const }
    }),
  }))
  return { ...publication, tables }
}

describe('an LP attacker against planned publications', () => {
  it('finds leaks in primary suppression alone', () => {
    const leaky = fc.sample(sample, { numRuns: 60, seed: 7 }).filter(({ k, dimensions, cube }) => {
      return lpDisclosures(plan(k, dimensions, cube, true)).length > 0
    })
    expect(leaky.length).toBeGreaterThan(30)
  })

  it('finds nothing in planned publications', () => {
    const property = fc.property(sample, ({ k, dimensions, cube }) => {
      expect(lpDisclosures(plan(k, dimensions, cube))).toEqual([])
    })
    fc.assert(property, { numRuns: 200, seed: 20_261_125 })
  })
})
