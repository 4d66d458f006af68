import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { countByWeek, isoWeek } from '../../server/domain/weeks'

describe('ISO weeks', () => {
  it.each([
    ['2026-11-25', '2026-W48'],
    ['2026-01-01', '2026-W01'],
    ['2027-01-01', '2026-W53'],
    ['2024-12-30', '2025-W01'],
    ['2021-01-03', '2020-W53'],
  ])('%s is in %s', (day, week) => expect(isoWeek(day)).toBe(week))
})

describe('responses per week', () => {
  it('lists every week from the first to the last, small and empty weeks suppressed', () => {
    const weeks = countByWeek(
      [
        { day: '2026-11-02', n: 4 },
        { day: '2026-11-03', n: 3 },
        { day: '2026-11-20', n: 2 },
        { day: '2026-11-25', n: 9 },
      ],
      5,
    )
    expect(weeks).toEqual([
      { week: '2026-W45', suppressed: false, n: 7 },
      { week: '2026-W46', suppressed: true },
      { week: '2026-W47', suppressed: true },
      { week: '2026-W48', suppressed: false, n: 9 },
    ])
  })

  it('never shows a week below the minimum and loses no week', () => {
    const day = fc
      .integer({ min: 0, max: 800 })
      .map((offset) => new Date(Date.UTC(2026, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10))
    fc.assert(
      fc.property(fc.array(fc.record({ day, n: fc.integer({ min: 1, max: 9 }) }), { maxLength: 40 }), (days) => {
        const weeks = countByWeek(days, 5)
        for (const week of weeks) if (!week.suppressed) expect(week.n).toBeGreaterThanOrEqual(5)
        expect(new Set(weeks.map((w) => w.week)).size).toBe(weeks.length)
        for (const { day: d } of days) expect(weeks.map((w) => w.week)).toContain(isoWeek(d))
      }),
    )
  })
})
