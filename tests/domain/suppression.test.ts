import { describe, expect, it } from 'vitest'
import {
  DEFAULT_MIN_GROUP_SIZE,
  auditPublications,
  planSuppression,
  selectTable,
  validateMinGroupSize,
  type CountRow,
  type Dimension,
  type PublishedCell,
} from '../../server/domain/suppression'

const sector: Dimension = { name: 'sector', values: ['a', 'b', 'c', 'd'] }
const region: Dimension = { name: 'region', values: ['x', 'y', 'z'] }

const bySector = (n: Record<string, number>): CountRow[] =>
  Object.entries(n).map(([value, count]) => ({ key: { sector: value }, n: count }))

const hidden = (cells: readonly PublishedCell[]) =>
  cells.filter((c) => c.suppressed).map((c) => Object.values(c.key).join('/'))

describe('planSuppression', () => {
  it('gives a single small cell the smallest partner (one hidden cell = total - rest)', () => {
    const plan = planSuppression({
      minGroupSize: 5,
      dimensions: [sector],
      counts: bySector({ a: 2, b: 10, c: 12, d: 20 }),
    })
    expect(selectTable(plan, []).cells).toEqual([{ key: {}, suppressed: false, n: 44 }])
    expect(selectTable(plan, ['sector']).cells).toEqual([
      { key: { sector: 'a' }, suppressed: true },
      { key: { sector: 'b' }, suppressed: true },
      { key: { sector: 'c' }, suppressed: false, n: 12 },
      { key: { sector: 'd' }, suppressed: false, n: 20 },
    ])
  })

  it('hides more cells while the hidden cells of a line hold fewer than k together', () => {
    const plan = planSuppression({
      minGroupSize: 5,
      dimensions: [sector],
      counts: bySector({ a: 1, b: 2, c: 10, d: 20 }),
    })
    expect(hidden(selectTable(plan, ['sector']).cells)).toEqual(['a', 'b', 'c'])
  })

  it('protects a small cell of a two-way table in its row, its column and the margins', () => {
    const counts: CountRow[] = []
    for (const s of sector.values)
      for (const r of region.values) counts.push({ key: { sector: s, region: r }, n: 10 })
    counts[0] = { key: { sector: 'a', region: 'x' }, n: 2 }
    const plan = planSuppression({ minGroupSize: 5, dimensions: [sector, region], counts })
    const cells = selectTable(plan, ['region', 'sector']).cells
    expect(hidden(cells)).toEqual(['a/x', 'a/y', 'b/x', 'b/y'])
    expect(hidden(selectTable(plan, ['sector']).cells)).toEqual([])
    expect(auditPublications([plan])).toEqual([])
  })

  it('suppresses everything, the total too, when the total is below k', () => {
    const plan = planSuppression({
      minGroupSize: 5,
      dimensions: [sector, region],
      counts: [{ key: { sector: 'a', region: 'x' }, n: 4 }],
    })
    for (const table of plan.tables) {
      for (const cell of table.cells) expect(cell).toEqual({ key: cell.key, suppressed: true })
    }
  })

  it('renders empty combinations exactly like suppressed ones, and lists every combination', () => {
    const plan = planSuppression({
      minGroupSize: 5,
      dimensions: [sector, region],
      counts: [
        { key: { sector: 'a', region: 'x' }, n: 2 },
        { key: { sector: 'b', region: 'y' }, n: 30 },
        { key: { sector: 'c', region: 'z' }, n: 30 },
      ],
    })
    const cells = selectTable(plan, ['sector', 'region']).cells
    expect(cells).toHaveLength(12)
    const small = cells.find((c) => c.key.sector === 'a' && c.key.region === 'x')
    const empty = cells.find((c) => c.key.sector === 'd' && c.key.region === 'x')
    expect(small).toEqual({ key: { sector: 'a', region: 'x' }, suppressed: true })
    expect(empty).toEqual({ key: { sector: 'd', region: 'x' }, suppressed: true })
    expect(JSON.stringify(Object.keys(empty as object))).toBe(
      JSON.stringify(Object.keys(small as object)),
    )
    expect(selectTable(plan, ['sector']).cells.find((c) => c.key.sector === 'd')).toEqual({
      key: { sector: 'd' },
      suppressed: true,
    })
  })

  it('publishes total, one-way and two-way tables, never the full combination', () => {
    const profession = { name: 'profession', values: ['nurse', 'doctor'] }
    const plan = planSuppression({
      minGroupSize: 5,
      dimensions: [sector, region, profession],
      counts: [],
    })
    expect(plan.tables.map((t) => t.by.join('×'))).toEqual([
      '',
      'sector',
      'region',
      'profession',
      'sector×region',
      'sector×profession',
      'region×profession',
    ])
    expect(() => selectTable(plan, ['sector', 'region', 'profession'])).toThrow(/no table/)
  })

  it('is deterministic whatever the order of the count rows', () => {
    const counts: CountRow[] = sector.values.flatMap((s, i) =>
      region.values.map((r, j) => ({ key: { region: r, sector: s }, n: (i * 7 + j * 3) % 9 })),
    )
    const input = { minGroupSize: 4, dimensions: [sector, region] }
    const plan = planSuppression({ ...input, counts })
    expect(planSuppression({ ...input, counts: [...counts].reverse() })).toEqual(plan)
  })

  it('adds up repeated keys and refuses keys that do not fit the dimensions', () => {
    const plan = planSuppression({
      minGroupSize: 3,
      dimensions: [sector],
      counts: [...bySector({ a: 10, b: 10 }), ...bySector({ a: 5 })],
    })
    expect(selectTable(plan, []).cells[0]).toEqual({ key: {}, suppressed: false, n: 25 })
    const base = { minGroupSize: 5, dimensions: [sector, region] }
    expect(() => planSuppression({ ...base, counts: [{ key: { sector: 'a' }, n: 1 }] })).toThrow(
      /does not fit/,
    )
    const unknown = { key: { sector: 'a', region: 'w' }, n: 1 }
    expect(() => planSuppression({ ...base, counts: [unknown] })).toThrow(/unknown value/)
    const negative = { key: { sector: 'a', region: 'x' }, n: -1 }
    expect(() => planSuppression({ ...base, counts: [negative] })).toThrow(/nonnegative integer/)
    const dup = { name: 'sector', values: ['a', 'a'] }
    expect(() => planSuppression({ ...base, dimensions: [dup], counts: [] })).toThrow(/distinct/)
  })
})

describe('minGroupSize', () => {
  it('defaults to 5 and is never below 3', () => {
    expect(DEFAULT_MIN_GROUP_SIZE).toBe(5)
    expect(validateMinGroupSize(3)).toBe(3)
    for (const bad of [2, 0, -5, 4.5, Number.NaN, Infinity, '5', undefined]) {
      expect(() => validateMinGroupSize(bad)).toThrow(/minGroupSize must be an integer >= 3/)
      const input = { minGroupSize: bad as number, dimensions: [sector], counts: [] }
      expect(() => planSuppression(input)).toThrow(/minGroupSize/)
    }
  })
})
