/**
 * Levels (a dimension's values grouped, e.g. counties into collaborative areas): their tables
 * are sums of their members' cells, planned and audited with the rest, so a level cell never
 * gives away a hidden member (area minus the shown counties) nor the reverse. Checked against
 * the independent attacker (suppression-attacker-lp.ts) over random worlds and releases.
 * DISCLOSURE_RUNS=500 for a deeper run (default 30 worlds).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  planSuppression,
  type CellKey,
  type Dimension,
  type Publication,
} from '../../server/domain/suppression'
import { withLevels } from '../../server/domain/suppression/figures'
import { planRelease } from '../../server/domain/suppression/plan-release'
import { cellId, cellsWithStatistics } from '../../server/domain/suppression/statistics'
import { loadSolver } from '../../server/domain/suppression/solver'
import { buildFamily, marginCounts } from '../../server/domain/suppression/tables'
import { tableFor, varFor } from '../../server/domain/suppression/keys'
import { intervalAttack, spanAttack, type TrueAtom } from './suppression-attacker-lp'

const RUNS = Math.max(1, Math.floor(Number(process.env.DISCLOSURE_RUNS ?? 40) * 0.75))

const sector: Dimension = { name: 's', values: ['s0', 's1'] }
const region: Dimension = { name: 'r', values: ['r0', 'r1', 'r2', 'r3'] }
const area: Dimension = {
  name: 'r.a',
  values: ['north', 'south'],
  level: { of: 'r', groups: { north: ['r0', 'r1'], south: ['r2', 'r3'] } },
}

const cellOf = (p: Publication, by: string[], key: CellKey) =>
  p.tables
    .find((t) => t.by.length === by.length && by.every((d) => t.by.includes(d)))
    ?.cells.find((c) => by.every((d) => c.key[d] === key[d]))

describe('the family of tables with a level', () => {
  it('has the level one-way and crossed tables, never the level crossed with its own dimension', () => {
    const family = buildFamily([sector, region, area])
    const published = family.tables
      .filter((t) => t.published)
      .map((t) => t.dims.map((d) => family.dimensions[d].name).join('×'))
    expect(published).toEqual(['', 's', 'r', 'r.a', 's×r', 's×r.a'])
    expect(() => tableFor(family, ['r', 'r.a'])).toThrow()
  })

  it('sums each level cell from its members, in every table', () => {
    const family = buildFamily([sector, region, area])
    const cube = Float64Array.from([1, 2, 3, 4, 10, 20, 30, 40]) // s0: r0..r3, s1: r0..r3
    const counts = marginCounts(family, cube)
    const at = (by: string[], key: CellKey) => counts[varFor(family, tableFor(family, by), key)]
    expect(at(['r.a'], { 'r.a': 'north' })).toBe(1 + 2 + 10 + 20)
    expect(at(['r.a'], { 'r.a': 'south' })).toBe(3 + 4 + 30 + 40)
    expect(at(['s', 'r.a'], { s: 's1', 'r.a': 'south' })).toBe(70)
    // Every level cell is tied to its members by an equation (what the attacker reasons with).
    const north = varFor(family, tableFor(family, ['r.a']), { 'r.a': 'north' })
    const members = ['r0', 'r1'].map((r) => varFor(family, tableFor(family, ['r']), { r }))
    expect(
      family.equations.some(
        (eq) => eq.parent === north && [...eq.children].sort().join() === members.sort().join(),
      ),
    ).toBe(true)
  })

  it('refuses a level that leaves a value out or puts one in two groups', () => {
    const level = (groups: Record<string, string[]>): Dimension => ({
      name: 'r.a',
      values: Object.keys(groups),
      level: { of: 'r', groups },
    })
    expect(() => buildFamily([region, level({ n: ['r0', 'r1'], s: ['r2'] })])).toThrow(/every value/)
    expect(() => buildFamily([region, level({ n: ['r0', 'r1'], s: ['r1', 'r2', 'r3'] })])).toThrow()
    expect(() =>
      buildFamily([{ ...area, level: { of: 'x', groups: area.level!.groups } }, region]),
    ).toThrow(/listed before/)
  })
})

describe('planning with a level', () => {
  it('hides a level cell or a member when the level would give a hidden member away', () => {
    // r0 has 2 respondents (hidden; r2 hidden beside it), r1 has 20: north = 22 says r0 = 2.
    const counts = [
      { key: { s: 's0', r: 'r0' }, n: 1 },
      { key: { s: 's1', r: 'r0' }, n: 1 },
      { key: { s: 's0', r: 'r1' }, n: 10 },
      { key: { s: 's1', r: 'r1' }, n: 10 },
      { key: { s: 's0', r: 'r2' }, n: 3 },
      { key: { s: 's1', r: 'r2' }, n: 3 },
      { key: { s: 's0', r: 'r3' }, n: 10 },
      { key: { s: 's1', r: 'r3' }, n: 10 },
    ]
    const p = planSuppression({ minGroupSize: 5, dimensions: [sector, region, area], counts })
    const north = cellOf(p, ['r.a'], { 'r.a': 'north' })!
    const r1 = cellOf(p, ['r'], { r: 'r1' })!
    expect(cellOf(p, ['r'], { r: 'r0' })!.suppressed).toBe(true)
    expect(north.suppressed || r1.suppressed).toBe(true)
    // Without the level the same counts show r1: the level is what made the difference.
    const plain = planSuppression({ minGroupSize: 5, dimensions: [sector, region], counts })
    expect(cellOf(plain, ['r'], { r: 'r1' })!.suppressed).toBe(false)
  })

  it('leaves a release without the level unchanged and publishes the level only where declared', () => {
    const counts = region.values.flatMap((r, i) =>
      sector.values.map((s) => ({ key: { s, r }, n: 5 + i })),
    )
    const withLevel = planSuppression({ minGroupSize: 5, dimensions: [sector, region, area], counts })
    const without = planSuppression({ minGroupSize: 5, dimensions: [sector, region], counts })
    expect(without.tables.map((t) => t.by.join('×'))).toEqual(['', 's', 'r', 's×r'])
    expect(withLevel.tables.map((t) => t.by.join('×'))).toEqual(['', 's', 'r', 'r.a', 's×r', 's×r.a'])
    expect(cellOf(withLevel, ['s', 'r.a'], { s: 's0', 'r.a': 'south' })).toEqual({
      key: { s: 's0', 'r.a': 'south' },
      suppressed: false,
      n: 7 + 8,
    })
  })
})

interface LevelWorld {
  k: number
  regions: number
  groups: number[]
  /** Per release: respondents per (sector, region), and how many answered yes. */
  batches: { n: number; share: number }[][]
  /** The release from which the level is declared (a later version may add it). */
  levelFrom: number
  /** Region is the first dimension (its level then heads the statistics chain). */
  regionFirst: boolean
}

const levelWorld: fc.Arbitrary<LevelWorld> = fc
  .record({
    k: fc.integer({ min: 3, max: 5 }),
    regions: fc.integer({ min: 3, max: 5 }),
    releases: fc.integer({ min: 1, max: 3 }),
    empty: fc.integer({ min: 1, max: 4 }),
  })
  .chain(({ k, regions, releases, empty }) => {
    const count = fc.oneof(
      { weight: empty, arbitrary: fc.constant(0) },
      { weight: 3, arbitrary: fc.integer({ min: 1, max: k - 1 }) },
      { weight: 1, arbitrary: fc.constant(k) },
      { weight: 1, arbitrary: fc.integer({ min: k, max: 3 * k }) },
    )
    const cell = fc.record({ n: count, share: fc.double({ min: 0, max: 1, noNaN: true }) })
    return fc.record({
      k: fc.constant(k),
      regions: fc.constant(regions),
      // Group of each region: two groups, each non-empty.
      groups: fc
        .array(fc.integer({ min: 0, max: 1 }), { minLength: regions, maxLength: regions })
        .map((g) => (g.every((x) => x === g[0]) ? [1 - g[0], ...g.slice(1)] : g)),
      batches: fc.array(fc.array(cell, { minLength: 2 * regions, maxLength: 2 * regions }), {
        minLength: releases,
        maxLength: releases,
      }),
      levelFrom: fc.integer({ min: 1, max: releases }),
      regionFirst: fc.boolean(),
    })
  })

function dimensionsOf(w: LevelWorld) {
  const r: Dimension = { name: 'r', values: Array.from({ length: w.regions }, (_, i) => `r${i}`) }
  const groups: Record<string, string[]> = { g0: [], g1: [] }
  r.values.forEach((v, i) => groups[`g${w.groups[i]}`].push(v))
  const a: Dimension = { name: 'r.a', values: ['g0', 'g1'], level: { of: 'r', groups } }
  const real = w.regionFirst ? [r, sector] : [sector, r]
  return { real, all: [...real, a] }
}

/** Plans each release as the server does (a refused one publishes nothing new). */
async function publishLevels(w: LevelWorld) {
  const highs = await loadSolver()
  const { real, all } = dimensionsOf(w)
  const regions = real.find((d) => d.name === 'r')!.values
  const keys = sector.values.flatMap((s) => regions.map((r) => ({ s, r })))
  const publications: Publication[] = []
  const atoms: TrueAtom[] = []
  const cumulative: { key: CellKey; n: number }[][] = []
  let pending: TrueAtom[] = []
  w.batches.forEach((cells, b) => {
    pending.push(
      ...cells.flatMap(({ n, share }, i) => {
        const yes = Math.round(n * share)
        return n === 0 ? [] : [{ key: keys[i], batch: 0, values: { yes, no: n - yes } }]
      }),
    )
    const batchNo = publications.length + 1
    const candidate = [...atoms, ...pending.map((a) => ({ ...a, batch: batchNo }))]
    const counts = new Map<string, { key: CellKey; n: number }>()
    for (const a of candidate) {
      const id = JSON.stringify(a.key)
      counts.set(id, { key: a.key, n: (counts.get(id)?.n ?? 0) + a.values.yes + a.values.no })
    }
    const dimensions = b + 1 >= w.levelFrom ? all : real
    const input = { minGroupSize: w.k, dimensions, cumulative: [...cumulative, [...counts.values()]] }
    const planned = planRelease(highs, input, publications)
    if (!planned.ok) return
    publications.push(planned.publication)
    cumulative.push([...counts.values()])
    atoms.splice(0, atoms.length, ...candidate)
    pending = []
  })
  const expand = withLevels(all)
  const expanded = atoms.map((a) => ({ ...a, key: expand(a.key) }))
  // What the aggregates show: answer counts of q for every shown group with statistics.
  const answers = publications.map((p, r) => {
    const shown: Record<string, Record<string, number>> = {}
    for (const table of p.tables) {
      const withStatistics = cellsWithStatistics(publications, r + 1, table.by)
      for (const cell of table.cells) {
        if (cell.suppressed || !withStatistics.has(cellId(table.by, cell.key))) continue
        const members = expanded.filter(
          (a) => a.batch <= r + 1 && table.by.every((d) => a.key[d] === cell.key[d]),
        )
        shown[table.by.map((d) => `${d}=${cell.key[d]}`).join(',')] = {
          yes: members.reduce((n, a) => n + a.values.yes, 0),
          no: members.reduce((n, a) => n + a.values.no, 0),
        }
      }
    }
    return shown
  })
  const statistics = publications.flatMap((p, r) =>
    p.tables.filter((t) => cellsWithStatistics(publications, r + 1, t.by).size > 0).map((t) => t.by.join('×')),
  )
  return {
    k: w.k,
    dimensions: real,
    values: ['yes', 'no'],
    atoms: expanded,
    publications,
    answers,
    expand,
    statistics,
  }
}

describe('levels against the independent attacker', () => {
  it('the attacker is not toothless: a level table beside primary suppression alone leaks', async () => {
    const counts = [
      { key: { s: 's0', r: 'r0' }, n: 2 },
      { key: { s: 's0', r: 'r1' }, n: 10 },
      { key: { s: 's0', r: 'r2' }, n: 10 },
      { key: { s: 's0', r: 'r3' }, n: 10 },
    ]
    const expand = withLevels([sector, region, area])
    const atoms = counts.map((c) => ({ key: expand(c.key), batch: 1, values: { yes: c.n, no: 0 } }))
    const sum = (f: (key: CellKey) => boolean) =>
      atoms.filter((a) => f(a.key)).reduce((n, a) => n + a.values.yes, 0)
    const cell = (by: string[], key: CellKey) => {
      const n = sum((k) => by.every((d) => k[d] === key[d]))
      return n >= 5 ? { key, suppressed: false as const, n } : { key, suppressed: true as const }
    }
    const table = (by: string[], dims: Dimension[]) => ({
      by,
      cells: dims
        .reduce<CellKey[]>((ks, d) => ks.flatMap((k) => d.values.map((v) => ({ ...k, [d.name]: v }))), [{}])
        .map((key) => cell(by, key)),
    })
    const publication: Publication = {
      minGroupSize: 5,
      dimensions: [sector, region, area],
      tables: [table([], []), table(['r'], [region]), table(['r.a'], [area])],
    }
    const world = {
      k: 5,
      dimensions: [sector, region],
      values: ['yes', 'no'],
      atoms,
      publications: [publication],
      expand,
    }
    expect((await spanAttack(world)).length).toBeGreaterThan(0)
  })

  it('finds no group of 1..k-1 in releases planned with a level (span, and bounds with the answer counts of every group with statistics)', async () => {
    let levelStatistics = 0
    await fc.assert(
      fc.asyncProperty(levelWorld, async (w) => {
        const world = await publishLevels(w)
        if (world.publications.length === 0) return
        const found = [...(await spanAttack(world)), ...(await intervalAttack(world))]
        expect(found).toEqual([])
        // The level's tables are published from the release that declares it.
        const last = world.publications.at(-1)!
        expect(last.tables.some((t) => t.by.includes('r.a'))).toBe(true)
        if (world.statistics.some((by) => by.includes('r.a'))) levelStatistics++
      }),
      { numRuns: RUNS, seed: 20261205 },
    )
    // The level's nested tables carried statistics in some worlds: the answers channel was tried.
    expect(levelStatistics).toBeGreaterThan(0)
  }, 240_000)
})
