import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { scoreBins } from '../../server/knowledge/inner-suppression.js'
import {
  cronbachAlpha,
  kruskalWallis,
  spearman,
  tInterval,
  twoProportions,
  wilson,
} from '../../server/knowledge/stats.js'

const RSCRIPT = '/usr/bin/Rscript'
const haveR = existsSync(RSCRIPT)
if (!haveR) console.log(`knowledge statistics R check skipped: no ${RSCRIPT}`)

const r = (code: string) =>
  execFileSync(RSCRIPT, ['-e', code], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
    .trim()
    .split(/\s+/)
    .map(Number)
const near = (actual: readonly (number | null)[], expected: number[]) => {
  expect(actual.length).toBe(expected.length)
  actual.forEach((a, i) => expect(Math.abs(a! - expected[i])).toBeLessThan(1e-9))
}
const f = 'cat(sprintf("%.17g", c('

describe.skipIf(!haveR)('knowledge statistics, pure, against R', () => {
  it('t interval, Wilson (edges included), two proportions', () => {
    const xs = [3, 7, 7, 8, 10, 2, 9, 9, 6, 5, 10, 1]
    const t = tInterval(xs)
    near([t.mean, t.sd, ...t.ci!], r(`x <- c(${xs}); ${f}mean(x), sd(x), t.test(x)$conf.int)))`))
    for (const [x, n] of [
      [0, 7],
      [7, 7],
      [1, 40],
      [33, 41],
    ]) {
      near(wilson(x, n), r(`${f}prop.test(${x}, ${n}, correct = FALSE)$conf.int)))`))
    }
    const two = twoProportions(17, 40, 120, 200)
    const code = `p <- prop.test(c(17, 120), c(40, 200), correct = FALSE); ${f}p$estimate[1] - p$estimate[2], p$conf.int, p$p.value)))`
    near([two.difference, ...two.ci, two.p], r(code))
  })

  it('Kruskal-Wallis with ties, Spearman with ties, KR-20', () => {
    const groups = [
      [1, 2, 2, 5, 7],
      [3, 3, 4, 8, 8, 9],
      [2, 6, 6, 6, 10],
    ]
    const kw = kruskalWallis(groups)
    const list = groups.map((g) => `c(${g})`).join(', ')
    near(
      [kw.statistic, kw.df, kw.p],
      r(`k <- kruskal.test(list(${list})); ${f}k$statistic, k$parameter, k$p.value)))`),
    )
    const x = [1, 2, 2, 3, 5, 5, 4, 1]
    const y = [2, 2, 3, 3, 9, 7, 7, 1]
    near([spearman(x, y)], r(`${f}cor(c(${x}), c(${y}), method = "spearman"))))`))
    const m = [
      [1, 0, 1, 1],
      [1, 1, 1, 1],
      [0, 0, 1, 0],
      [1, 0, 0, 1],
      [0, 0, 0, 0],
      [1, 1, 0, 1],
    ]
    const kr20 =
      'm <- matrix(c(' +
      m.flat() +
      '), ncol = 4, byrow = TRUE); 4/3 * (1 - sum(apply(m, 2, var)) / var(rowSums(m)))'
    near([cronbachAlpha(m)], r(`${kr20.replace('; 4/3', `; ${f}4/3`)})))`))
  })

  it('gives null where R has no figure', () => {
    expect(tInterval([4, 4, 4]).ci).toBeNull()
    expect(
      kruskalWallis([
        [3, 3],
        [3, 3, 3],
      ]).p,
    ).toBeNull()
    expect(
      cronbachAlpha([
        [1, 1],
        [1, 1],
        [1, 1],
      ]),
    ).toBeNull()
  })
})

describe('score bins', () => {
  it('close once k respondents are in, joining a short last bin to the one before', () => {
    expect(scoreBins([1, 0, 2, 3, 6, 5, 2], 5)).toEqual([
      [0, 3],
      [4, 4],
      [5, 6],
    ])
    expect(scoreBins([0, 0, 3], 5)).toEqual([[0, 2]])
  })
})
