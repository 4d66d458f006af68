/**
 * Median and standard deviation of a numeric question from its published distribution (value ->
 * respondents), so they add nothing to what the distribution already shows. Keys that are not
 * numbers are skipped.
 */
type Distribution = Readonly<Record<string, number>>

const numericEntries = (distribution: Distribution) =>
  Object.entries(distribution)
    .map(([value, count]) => [Number(value), count] as const)
    .filter(([value, count]) => Number.isFinite(value) && count > 0)
    .sort((a, b) => a[0] - b[0])

/** Like R's median(): the middle value, or the mean of the two middle ones. */
export function medianOf(distribution: Distribution): number | null {
  const entries = numericEntries(distribution)
  const n = entries.reduce((sum, [, count]) => sum + count, 0)
  if (n === 0) return null
  const valueAt = (position: number) => {
    let seen = 0
    for (const [value, count] of entries) {
      seen += count
      if (position < seen) return value
    }
    return entries[entries.length - 1][0]
  }
  return n % 2 === 1 ? valueAt((n - 1) / 2) : (valueAt(n / 2 - 1) + valueAt(n / 2)) / 2
}

/** Like R's sd(): the sample standard deviation (n - 1); null below two values. */
export function sampleSdOf(distribution: Distribution): number | null {
  const entries = numericEntries(distribution)
  const n = entries.reduce((sum, [, count]) => sum + count, 0)
  if (n < 2) return null
  const mean = entries.reduce((sum, [value, count]) => sum + value * count, 0) / n
  const squares = entries.reduce((sum, [value, count]) => sum + count * (value - mean) ** 2, 0)
  return Math.sqrt(squares / (n - 1))
}
