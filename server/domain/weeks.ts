/** ISO 8601 week of a day (`2026-11-25` → `2026-W48`): weeks start on Monday, in UTC. */
export function isoWeek(day: string): string {
  const date = new Date(`${day}T00:00:00Z`)
  const weekday = (date.getUTCDay() + 6) % 7 // Monday 0
  date.setUTCDate(date.getUTCDate() - weekday + 3) // Thursday decides the year
  const year = date.getUTCFullYear()
  const firstThursday = new Date(Date.UTC(year, 0, 4))
  firstThursday.setUTCDate(firstThursday.getUTCDate() - ((firstThursday.getUTCDay() + 6) % 7) + 3)
  const week = 1 + Math.round((date.getTime() - firstThursday.getTime()) / (7 * 86_400_000))
  return `${year}-W${String(week).padStart(2, '0')}`
}

export type WeekCount = { week: string; suppressed: false; n: number } | { week: string; suppressed: true }

/**
 * Responses per ISO week, oldest first, weeks without responses included so gaps show. A week
 * with fewer than `minGroupSize` responses is shown as suppressed, like an empty one.
 */
export function countByWeek(days: readonly { day: string; n: number }[], minGroupSize: number): WeekCount[] {
  const perWeek = new Map<string, number>()
  for (const { day, n } of days) perWeek.set(isoWeek(day), (perWeek.get(isoWeek(day)) ?? 0) + n)
  if (perWeek.size === 0) return []
  const sorted = [...days].map((d) => d.day).sort()
  const weeks: WeekCount[] = []
  const cursor = new Date(`${sorted[0]}T00:00:00Z`)
  const last = isoWeek(sorted[sorted.length - 1])
  for (;;) {
    const week = isoWeek(cursor.toISOString().slice(0, 10))
    if (weeks.at(-1)?.week !== week) {
      const n = perWeek.get(week) ?? 0
      weeks.push(n >= minGroupSize ? { week, suppressed: false, n } : { week, suppressed: true })
    }
    if (week === last) break
    cursor.setUTCDate(cursor.getUTCDate() + 7)
  }
  return weeks
}
