import { describe, expect, it } from 'vitest'
import {
  auditPublications,
  checkRelease,
  planSuppression,
  type CountRow,
  type Dimension,
} from '../../server/domain/suppression'

// Realistic size: 10 sectors × 23 regions × 8 professions = 1840 combinations.
const named = (name: string, n: number): Dimension => ({
  name,
  values: Array.from({ length: n }, (_, i) => `${name}${i}`),
})
const dimensions = [named('sector', 10), named('region', 23), named('profession', 8)]

/** Deterministic skewed respondents (a few big sectors and regions, a long tail). */
function respondents(seed: number, count: number, into = new Map<string, number>()) {
  let state = seed
  const next = () => (state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648
  for (let i = 0; i < count; i++) {
    const values = dimensions.map((d) => d.values[Math.floor(next() ** 2 * d.values.length)])
    const id = values.join('|')
    into.set(id, (into.get(id) ?? 0) + 1)
  }
  return into
}

const rowsOf = (cells: Map<string, number>): CountRow[] =>
  [...cells].map(([id, n]) => {
    const values = id.split('|')
    return { key: Object.fromEntries(dimensions.map((d, i) => [d.name, values[i]])), n }
  })

describe('suppression at realistic size', () => {
  it('plans and audits a 10 × 23 × 8 survey (bounded: no timing assertion)', () => {
    for (const count of [150, 600, 3000]) {
      const rows = rowsOf(respondents(count, count))
      const plan = planSuppression({ minGroupSize: 5, dimensions, counts: rows })
      expect(plan.tables.map((t) => t.cells.length)).toEqual([1, 10, 23, 8, 230, 80, 184])
      expect(auditPublications([plan])).toEqual([])
      const shown = plan.tables.flatMap((t) => t.cells.filter((c) => !c.suppressed))
      expect(shown.length).toBeGreaterThan(count > 1000 ? 300 : 10)
    }
  })

  it('plans interim releases against the earlier ones', () => {
    const cells = respondents(7, 800)
    const first = planSuppression({ minGroupSize: 5, dimensions, counts: rowsOf(cells) })
    respondents(8, 400, cells)
    const second = planSuppression({ minGroupSize: 5, dimensions, counts: rowsOf(cells) }, [first])
    expect(checkRelease([first], second)).toEqual({ ok: true })
  })
})
