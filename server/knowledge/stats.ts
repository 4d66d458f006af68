/**
 * The statistics of the knowledge figures, each written as R computes it (the tests hold them to
 * R within 1e-9). Distribution functions come from stdlib (ports of Boost/Cephes, accurate to
 * about 1e-15); jStat's t quantile was off by 1e-8, too far for that.
 */
import gammainc from '@stdlib/math-base-special-gammainc'
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile'
import tQuantile from '@stdlib/stats-base-dists-t-quantile'

export type Interval = [number, number]

/** Left to right from 0, as reduce would; a loop, as it runs over every respondent of every cell. */
function sum(xs: readonly number[]) {
  let total = 0
  for (let i = 0; i < xs.length; i++) total += xs[i]
  return total
}

export const mean = (xs: readonly number[]) => sum(xs) / xs.length

/** Sample variance (n - 1), two passes as R's var(). */
export function variance(xs: readonly number[]): number {
  const m = mean(xs)
  let squares = 0
  for (let i = 0; i < xs.length; i++) squares += (xs[i] - m) ** 2
  return squares / (xs.length - 1)
}

/** R's pchisq(x, df, lower.tail = FALSE): the upper regularised incomplete gamma, no 1 - cdf. */
export const chisqUpper = (x: number, df: number) => gammainc(x / 2, df / 2, true, true)

/** qnorm(0.975), as prop.test takes it. */
const Z = normalQuantile(0.975, 0, 1)

/** Mean, sample sd and the 95 % interval of t.test(xs); null where R has none (n < 2, sd 0). */
export function tInterval(xs: readonly number[]) {
  const n = xs.length
  const m = mean(xs)
  const sd = n > 1 ? Math.sqrt(variance(xs)) : null
  const half = sd ? tQuantile(0.975, n - 1) * (sd / Math.sqrt(n)) : null
  const ci: Interval | null = half === null ? null : [m - half, m + half]
  return { mean: m, sd, ci }
}

/** Wilson score interval: prop.test(x, n, correct = FALSE)$conf.int, its edge rules included. */
export function wilson(x: number, n: number): Interval {
  const p = x / n
  const z22n = Z ** 2 / (2 * n)
  const root = Z * Math.sqrt((p * (1 - p)) / n + z22n / (2 * n))
  const upper = p >= 1 ? 1 : (p + z22n + root) / (1 + 2 * z22n)
  const lower = p <= 0 ? 0 : (p + z22n - root) / (1 + 2 * z22n)
  return [Math.max(lower, 0), Math.min(upper, 1)]
}

/**
 * prop.test(c(x1, x2), c(n1, n2), correct = FALSE): p1 - p2, its 95 % interval and the p of the
 * chi-square test; p is null where R's is NaN (an expected count of 0).
 */
export function twoProportions(x1: number, n1: number, x2: number, n2: number) {
  const p1 = x1 / n1
  const p2 = x2 / n2
  const difference = p1 - p2
  const width = Z * Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2)
  const ci: Interval = [Math.max(difference - width, -1), Math.min(difference + width, 1)]
  const pooled = (x1 + x2) / (n1 + n2)
  const cells = [
    [x1, n1 * pooled],
    [x2, n2 * pooled],
    [n1 - x1, n1 * (1 - pooled)],
    [n2 - x2, n2 * (1 - pooled)],
  ]
  const statistic = sum(cells.map(([observed, expected]) => (observed - expected) ** 2 / expected))
  const p = Number.isFinite(statistic) ? chisqUpper(statistic, 1) : null
  return { difference, ci, p }
}

/** Pearson correlation as cor(x, y); null when either is constant (R gives NA). */
export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  const mx = mean(xs)
  const my = mean(ys)
  let sxy = 0
  let sxx = 0
  let syy = 0
  for (let i = 0; i < xs.length; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my)
    sxx += (xs[i] - mx) ** 2
    syy += (ys[i] - my) ** 2
  }
  if (sxx === 0 || syy === 0) return null
  return sxy / Math.sqrt(sxx * syy)
}

/** Ranks with ties averaged, as rank(). */
export function ranks(xs: readonly number[]): number[] {
  const order = xs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0])
  const result = new Array<number>(xs.length)
  for (let start = 0; start < order.length;) {
    let end = start
    while (end + 1 < order.length && order[end + 1][0] === order[start][0]) end++
    const rank = (start + end) / 2 + 1
    for (let i = start; i <= end; i++) result[order[i][1]] = rank
    start = end + 1
  }
  return result
}

/** cor(x, y, method = "spearman"). */
export const spearman = (xs: readonly number[], ys: readonly number[]) =>
  xs.length < 2 ? null : pearson(ranks(xs), ranks(ys))

/**
 * kruskal.test(list(...)) with R's tie correction; statistic and p are null when every value is
 * the same (R: NaN).
 */
export function kruskalWallis(groups: readonly (readonly number[])[]) {
  const all = groups.flat()
  const n = all.length
  const r = ranks(all)
  let offset = 0
  let between = 0
  for (const group of groups) {
    const rankSum = sum(r.slice(offset, offset + group.length))
    between += rankSum ** 2 / group.length
    offset += group.length
  }
  const ties = new Map<number, number>()
  for (const x of all) ties.set(x, (ties.get(x) ?? 0) + 1)
  const tieSum = sum([...ties.values()].map((t) => t ** 3 - t))
  const statistic = ((12 * between) / (n * (n + 1)) - 3 * (n + 1)) / (1 - tieSum / (n ** 3 - n))
  const df = groups.length - 1
  if (!Number.isFinite(statistic)) return { statistic: null, df, p: null }
  return { statistic, df, p: chisqUpper(statistic, df) }
}

/**
 * Cronbach's alpha of a 0/1 matrix (rows respondents): KR-20, the same n - 1 denominator for the
 * item and total variances, as psych's raw_alpha. Null when the total does not vary.
 */
export function cronbachAlpha(rows: readonly (readonly number[])[]): number | null {
  const items = rows[0]?.length ?? 0
  if (items < 2 || rows.length < 2) return null
  const itemVariances = Array.from({ length: items }, (_, j) => variance(rows.map((row) => row[j])))
  const totalVariance = variance(rows.map((row) => sum(row)))
  if (totalVariance === 0) return null
  return (1 - sum(itemVariances) / totalVariance) * (items / (items - 1))
}

/**
 * cronbachAlpha of `rows` without each item in turn, the same figures (to the bit) for 0/1 rows:
 * item variances and row totals computed once, a total without item i is the exact integer
 * total - x_i, and the variances are summed in the same order. Linear in the items, not square.
 */
export function alphaIfDeleted(rows: readonly (readonly number[])[]): (number | null)[] {
  const items = rows[0]?.length ?? 0
  const itemVariances = Array.from({ length: items }, (_, j) => variance(rows.map((row) => row[j])))
  const totals = rows.map((row) => sum(row))
  return Array.from({ length: items }, (_, i) => {
    if (items - 1 < 2 || rows.length < 2) return null
    const totalVariance = variance(totals.map((total, r) => total - rows[r][i]))
    if (totalVariance === 0) return null
    const kept = sum(itemVariances.filter((_, j) => j !== i))
    return (1 - kept / totalVariance) * ((items - 1) / (items - 2))
  })
}
