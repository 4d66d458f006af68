/**
 * Live counts (responses not yet released: the survey list, the timeline, invitation codes
 * used, the total before the first release), decision 007. Each is shown rounded down to a
 * multiple of k, and weeks as differences of those rounded running totals. A live count C is
 * then known only within [F, F + k - 1]; with every release adding at least k responses, no
 * difference of two looks, or of a look and a release's exact total, lies provably in
 * [1, k - 1]: proving at least 1 needs the rounded values k apart, which leaves k - 1 of slack
 * on each side. (tests/disclosure-channels.test.ts checks it with an LP over random series.)
 */
import { isoWeek, type WeekCount } from '../weeks.js'

export const floorToGroup = (n: number, k: number) => Math.floor(n / k) * k

/**
 * Responses per ISO week, oldest first, gaps included: each week's n is the rounded running
 * total at its end minus the rounded running total before it; a week of 0 reads suppressed.
 */
export function liveWeeks(days: readonly { day: string; n: number }[], k: number): WeekCount[] {
  if (days.length === 0) return []
  const perWeek = new Map<string, number>()
  for (const { day, n } of days) perWeek.set(isoWeek(day), (perWeek.get(isoWeek(day)) ?? 0) + n)
  const sorted = days.map((d) => d.day).sort()
  const cursor = new Date(`${sorted[0]}T00:00:00Z`)
  const last = isoWeek(sorted[sorted.length - 1])
  const weeks: WeekCount[] = []
  let running = 0
  let shown = 0
  for (;;) {
    const week = isoWeek(cursor.toISOString().slice(0, 10))
    if (weeks.at(-1)?.week !== week) {
      running += perWeek.get(week) ?? 0
      const n = floorToGroup(running, k) - shown
      shown += n
      weeks.push(n > 0 ? { week, suppressed: false, n } : { week, suppressed: true })
    }
    if (week === last) break
    cursor.setUTCDate(cursor.getUTCDate() + 7)
  }
  return weeks
}
