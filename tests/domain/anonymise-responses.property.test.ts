import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  anonymiseResponses,
  GENERALISED,
  generaliseOrder,
  type ResponseRecord,
} from '../../server/domain/anonymise-responses'
import { integrityRuns } from '../property-runs'

const DIMENSIONS = ['sector', 'region', 'profession']

// Few values per dimension and skewed sizes, so both common and rare combinations occur.
const record = fc.record({
  month: fc.constantFrom('2026-10', '2026-11', '2026-12'),
  dimensions: fc.tuple(
    fc.constantFrom('hospital', 'primary', 'social', ''),
    fc.constantFrom(
      'helsinki',
      'helsinki',
      'helsinki',
      'lappi',
      'kainuu',
      'pirkanmaa',
      'ahvenanmaa',
    ),
    fc.constantFrom('nurse', 'nurse', 'physician', 'midwife', 'other'),
  ),
})

const input = fc.record({
  k: fc.integer({ min: 3, max: 10 }),
  records: fc.array(record, { maxLength: 300 }),
  seed: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
})

function countBy<T>(items: T[], key: (item: T) => string) {
  const counts = new Map<string, number>()
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1)
  return counts
}

const run = (records: Omit<ResponseRecord<number>, 'cells'>[], k: number, seed = 0.5) =>
  anonymiseResponses(
    records.map((r, i) => ({ ...r, cells: i })),
    { minGroupSize: k, dimensions: DIMENSIONS, random: () => seed },
  )

describe('anonymiseResponses', () => {
  it('leaves no combination of dimension values (nor of them and the month) below k', () => {
    fc.assert(
      fc.property(input, ({ k, records, seed }) => {
        const { rows } = run(records, k, seed)
        const combos = countBy(rows, (row) => JSON.stringify(row.dimensions))
        const withMonth = countBy(rows, (row) => JSON.stringify([...row.dimensions, row.month]))
        for (const row of rows) {
          expect(combos.get(JSON.stringify(row.dimensions))).toBeGreaterThanOrEqual(k)
          expect(
            withMonth.get(JSON.stringify([...row.dimensions, row.month])),
          ).toBeGreaterThanOrEqual(k)
          expect(row.month).toMatch(/^(\d{4}-\d{2})?$/)
        }
      }),
      integrityRuns(500),
    )
  })

  it('only generalises, in order region, profession, sector, and accounts for every row', () => {
    fc.assert(
      fc.property(input, ({ k, records, seed }) => {
        const { rows, report } = run(records, k, seed)
        expect(report.rowsOut + report.dropped).toBe(records.length)
        expect(rows).toHaveLength(report.rowsOut)
        expect(new Set(rows.map((row) => row.cells)).size).toBe(rows.length)
        for (const row of rows) {
          const original = records[row.cells]
          row.dimensions.forEach((value, i) => {
            expect([original.dimensions[i], GENERALISED]).toContain(value)
            const generalised =
              value === GENERALISED && (original.dimensions[i] as string) !== GENERALISED
            expect(row.generalised.includes(DIMENSIONS[i])).toBe(generalised)
          })
          // Hierarchy: a later dimension is generalised only after the earlier ones.
          const flags = ['region', 'profession', 'sector'].map((d) => row.generalised.includes(d))
          expect(flags).toEqual([...flags].sort((a, b) => Number(b) - Number(a)))
          if (original.month !== row.month) expect(row.month).toBe('')
        }
        for (const name of DIMENSIONS) {
          expect(report.generalised[name]).toBe(
            rows.filter((r) => r.generalised.includes(name)).length,
          )
        }
      }),
      integrityRuns(500),
    )
  })

  it('changes nothing when every combination and month already holds k rows', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 8 }),
        fc.uniqueArray(record, { minLength: 1, maxLength: 10, selector: (r) => JSON.stringify(r) }),
        (k, distinct) => {
          const records = distinct.flatMap((r) => Array.from({ length: k }, () => r))
          const { rows, report } = run(records, k)
          expect(report).toMatchObject({ dropped: 0, monthBlanked: 0, rowsOut: records.length })
          expect(Object.values(report.generalised).every((n) => n === 0)).toBe(true)
          const key = (r: { month: string; dimensions: readonly string[] }) =>
            JSON.stringify([r.month, r.dimensions])
          expect(rows.map(key).sort()).toEqual(records.map(key).sort())
        },
      ),
      integrityRuns(500),
    )
  })

  it('generalises a rare region before anything else, and drops what cannot reach k', () => {
    const rows = (n: number, sector: string, region: string, profession: string) =>
      Array.from({ length: n }, () => ({
        month: '2026-11',
        dimensions: [sector, region, profession],
      }))
    const { rows: out, report } = run(
      [
        ...rows(5, 'hospital', 'helsinki', 'nurse'),
        ...rows(3, 'hospital', 'lappi', 'nurse'),
        ...rows(2, 'hospital', 'kainuu', 'nurse'),
        ...rows(1, 'social', 'kainuu', 'midwife'),
      ],
      5,
    )
    const combos = countBy(out, (row) => row.dimensions.join('/'))
    expect(Object.fromEntries(combos)).toEqual({
      'hospital/helsinki/nurse': 5,
      [`hospital/${GENERALISED}/nurse`]: 5,
    })
    expect(report).toMatchObject({
      dropped: 1,
      generalised: { region: 5, profession: 0, sector: 0 },
    })
  })

  it('generalises dimensions it does not know first, then region, profession, sector', () => {
    expect(generaliseOrder(['sector', 'unit', 'region', 'profession', 'team'])).toEqual([
      4, 1, 2, 3, 0,
    ])
  })
})
