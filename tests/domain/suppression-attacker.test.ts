import { describe, expect, it } from 'vitest'
import {
  auditPublications,
  checkRelease,
  type Dimension,
  type Publication,
  type PublishedTable,
} from '../../server/domain/suppression'

/** A hand-made publication: each table as [by, [[values, n or null for hidden]...]]. */
function publication(
  k: number,
  dimensions: Dimension[],
  tables: [string[], [string[], number | null][]][],
): Publication {
  const built: PublishedTable[] = tables.map(([by, cells]) => ({
    by,
    cells: cells.map(([values, n]) => {
      const key = Object.fromEntries(by.map((name, i) => [name, values[i]]))
      return n === null
        ? { key, suppressed: true as const }
        : { key, suppressed: false as const, n }
    }),
  }))
  return { minGroupSize: k, dimensions, tables: built }
}

const sector: Dimension = { name: 'sector', values: ['a', 'b', 'c'] }
const region: Dimension = { name: 'region', values: ['x', 'y'] }

const oneWay = (a: number | null, b: number | null, c: number | null, total: number | null) =>
  publication(
    5,
    [sector],
    [
      [[], [[[], total]]],
      [
        ['sector'],
        [
          [['a'], a],
          [['b'], b],
          [['c'], c],
        ],
      ],
    ],
  )

describe('auditPublications (the attacker)', () => {
  it('finds a lone hidden cell: total minus the shown cells', () => {
    const found = auditPublications([oneWay(null, 10, 20, 32)])
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({
      kind: 'cell',
      by: ['sector'],
      key: { sector: 'a' },
      lo: 2,
      hi: 2,
    })
    expect(found[0].reason).toBe('release 1, by sector, sector=a: count is exactly 2')
  })

  it('finds hidden cells that together hold fewer than k', () => {
    const found = auditPublications([oneWay(null, null, 20, 23)])
    expect(found).toEqual([
      expect.objectContaining({ kind: 'group', key: {}, by: ['sector'], lo: 3, hi: 3 }),
    ])
  })

  it('reports a published small count, and accepts proved zeros', () => {
    expect(auditPublications([oneWay(3, 10, 20, 33)])).toHaveLength(1)
    expect(auditPublications([oneWay(null, 10, 20, 30)])).toEqual([])
    expect(auditPublications([oneWay(null, null, null, null)])).toEqual([])
  })

  it('combines a two-way table with its margins (primary suppression only is unsafe)', () => {
    const values = (s: string, r: string) => [s, r]
    const pub = publication(
      5,
      [sector, region],
      [
        [[], [[[], 42]]],
        [
          ['sector'],
          [
            [['a'], 12],
            [['b'], 10],
            [['c'], 20],
          ],
        ],
        [
          ['region'],
          [
            [['x'], 22],
            [['y'], 20],
          ],
        ],
        [
          ['sector', 'region'],
          [
            [values('a', 'x'), null], // 2, hidden as small
            [values('a', 'y'), 10],
            [values('b', 'x'), 10],
            [values('b', 'y'), null], // 0, empty
            [values('c', 'x'), 10],
            [values('c', 'y'), 10],
          ],
        ],
      ],
    )
    const found = auditPublications([pub])
    expect(found.map((d) => d.reason)).toEqual([
      'release 1, by sector×region, sector=a, region=x: count is exactly 2',
    ])
  })

  it('derives never-published full combinations from the two-way tables', () => {
    const profession: Dimension = { name: 'profession', values: ['n', 'd'] }
    const x: Record<string, number> = {
      aaa: 2,
      aab: 5,
      aba: 5,
      abb: 0,
      baa: 5,
      bab: 5,
      bba: 5,
      bbb: 0,
    }
    const dims = [
      { name: 's', values: ['a', 'b'] },
      { name: 'r', values: ['a', 'b'] },
      { name: 'p', values: ['a', 'b'] },
    ]
    const sum = (pattern: RegExp) =>
      Object.entries(x).reduce((acc, [cell, n]) => (pattern.test(cell) ? acc + n : acc), 0)
    const shown = (n: number) => (n >= 5 ? n : null)
    const tables: [string[], [string[], number | null][]][] = [[[], [[[], sum(/.../)]]]]
    const names = ['s', 'r', 'p']
    names.forEach((name, i) => {
      const cells: [string[], number | null][] = ['a', 'b'].map((v) => {
        const pattern = new RegExp('^' + names.map((_, j) => (j === i ? v : '.')).join('') + '$')
        return [[v], shown(sum(pattern))]
      })
      tables.push([[name], cells])
    })
    for (const [i, j] of [
      [0, 1],
      [0, 2],
      [1, 2],
    ]) {
      const cells: [string[], number | null][] = []
      for (const u of ['a', 'b'])
        for (const v of ['a', 'b']) {
          const chars = ['.', '.', '.']
          chars[i] = u
          chars[j] = v
          cells.push([[u, v], shown(sum(new RegExp(`^${chars.join('')}$`)))])
        }
      tables.push([[names[i], names[j]], cells])
    }
    expect(profession.values).toHaveLength(2)
    const found = auditPublications([publication(5, dims, tables)])
    expect(found.map((d) => d.reason)).toContain(
      'release 1, by s×r×p (never published), s=a, r=a, p=a: count is exactly 2',
    )
  })
})

describe('checkRelease (differences between releases)', () => {
  it('refuses a release whose total grew by fewer than k', () => {
    const result = checkRelease([oneWay(10, 10, 20, 40)], oneWay(10, 10, 22, 42))
    expect(result.ok).toBe(false)
    expect(!result.ok && result.reasons).toEqual(
      expect.arrayContaining([
        'new respondents between release 1 and 2, the total: count is exactly 2',
        'new respondents between release 1 and 2, by sector, sector=c: count is exactly 2',
      ]),
    )
  })

  it('accepts growth of 0 or at least k in every derivable cell', () => {
    expect(checkRelease([oneWay(10, 10, 20, 40)], oneWay(10, 15, 30, 55))).toEqual({ ok: true })
  })

  it('uses that counts only grow: a cell shown later bounds the same cell hidden earlier', () => {
    // True counts: release 1 a=6 b=2 c=5 (hidden b, c); release 2 a=6 b=2 c=5 (hidden a, b).
    const four = (a: number | null, b: number | null, c: number | null, d: number, t: number) =>
      publication(
        5,
        [{ name: 'sector', values: ['a', 'b', 'c', 'd'] }],
        [
          [[], [[[], t]]],
          [
            ['sector'],
            [
              [['a'], a],
              [['b'], b],
              [['c'], c],
              [['d'], d],
            ],
          ],
        ],
      )
    const first = four(6, null, null, 20, 33)
    const second = four(null, null, 5, 25, 38)
    expect(auditPublications([first])).toEqual([])
    expect(auditPublications([second])).toEqual([])
    const result = checkRelease([first], second)
    expect(!result.ok && result.reasons).toEqual(
      expect.arrayContaining([
        'release 1, by sector, sector=b: count is exactly 2',
        'release 2, by sector, sector=b: count is exactly 2',
      ]),
    )
  })

  it('refuses releases that contradict each other (a count fell)', () => {
    expect(checkRelease([oneWay(10, 10, 20, 40)], oneWay(10, 5, 20, 35))).toEqual({
      ok: false,
      reasons: [expect.stringMatching(/contradict/)],
    })
  })
})
