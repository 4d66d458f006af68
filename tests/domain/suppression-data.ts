import type { CountRow, Dimension } from '../../server/domain/suppression'

// Realistic size: 10 sectors × 23 regions × 8 professions = 1840 combinations.
export const named = (name: string, n: number): Dimension => ({
  name,
  values: Array.from({ length: n }, (_, i) => `${name}${i}`),
})
export const realistic = [named('sector', 10), named('region', 23), named('profession', 8)]

/** Deterministic skewed respondents (a few big sectors and regions, a long tail). */
export function skewed(
  seed: number,
  count: number,
  dimensions: readonly Dimension[] = realistic,
): CountRow[] {
  let state = seed
  const next = () => (state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648
  const cells = new Map<string, number>()
  for (let i = 0; i < count; i++) {
    const values = dimensions.map((d) => d.values[Math.floor(next() ** 2 * d.values.length)])
    cells.set(values.join('|'), (cells.get(values.join('|')) ?? 0) + 1)
  }
  return [...cells].map(([id, n]) => {
    const values = id.split('|')
    return { key: Object.fromEntries(dimensions.map((d, i) => [d.name, values[i]])), n }
  })
}

/** Cumulative counts after adding `rows` to `before`. */
export function plus(before: readonly CountRow[], rows: readonly CountRow[]): CountRow[] {
  const cells = new Map<string, CountRow>()
  for (const row of [...before, ...rows]) {
    const id = JSON.stringify(row.key)
    const seen = cells.get(id)
    cells.set(id, { key: row.key, n: (seen?.n ?? 0) + row.n })
  }
  return [...cells.values()]
}
