/**
 * An attacker independent of the planner and of the production audit (its own code, the same
 * solver, HiGHS): it reads only what was published and knows the rules, and reports every
 * group of 1..k-1 respondents it can work out. The truth is used only to confirm a finding.
 *
 * - span: a 0/1 vector over the nonempty (combination, release) atoms that is a linear
 *   combination of published counts, of size 1..k-1 (it may know which atoms are empty);
 * - interval: LP bounds on every hidden cell, every full combination and every release's part
 *   of a cell, from the published counts and (optionally) the published answer counts of a
 *   required question, with nonnegativity; a bound pair inside [1, k-1] is a disclosure.
 */
import loadHighs from 'highs'
import type { CellKey, Dimension, Publication } from '../../server/domain/suppression'

export interface TrueAtom {
  key: CellKey
  batch: number
  /** Respondents per value of the required question `q`. */
  values: Record<string, number>
}

export interface World {
  k: number
  dimensions: readonly Dimension[]
  values: readonly string[]
  atoms: readonly TrueAtom[]
  publications: readonly Publication[]
  /** Published answer counts of `q` per shown group (what the aggregates show). */
  answers?: readonly Record<string, Record<string, number>>[]
  /**
   * Adds each level's value to a full combination of `dimensions` (`r.a` beside `r`): the
   * atoms' keys carry them, and level cells are targets like any other.
   */
  expand?: (key: CellKey) => CellKey
}

export type Finding =
  | { kind: 'span'; size: number; terms: string[] }
  | { kind: 'interval'; target: string; lo: number; hi: number; truth: number }

type Highs = Awaited<ReturnType<typeof loadHighs>>
let highs: Promise<Highs> | undefined
export const solver = () => (highs ??= loadHighs())

const cellId = (by: readonly string[], key: CellKey) => by.map((d) => `${d}=${key[d]}`).join(',')

/** Every (combination, batch) of the domain: the attacker's unknowns. */
function universe(world: World): { key: CellKey; batch: number }[] {
  let keys: Record<string, string>[] = [{}]
  for (const d of world.dimensions)
    keys = keys.flatMap((k) => d.values.map((v) => ({ ...k, [d.name]: v })))
  const batches = world.publications.length
  const expand = world.expand ?? ((key: CellKey) => key)
  return keys.flatMap((key) =>
    Array.from({ length: batches }, (_, b) => ({ key: expand(key), batch: b + 1 })),
  )
}

interface Published {
  release: number
  by: readonly string[]
  key: CellKey
  n: number
  label: string
}

function published(world: World): Published[] {
  return world.publications.flatMap((p, i) =>
    p.tables.flatMap((t) =>
      t.cells.flatMap((c) =>
        c.suppressed
          ? []
          : [
              {
                release: i + 1,
                by: t.by,
                key: c.key,
                n: c.n,
                label: `r${i + 1}:${cellId(t.by, c.key) || 'total'}`,
              },
            ],
      ),
    ),
  )
}

const inside = (
  f: { release: number; by: readonly string[]; key: CellKey },
  a: { key: CellKey; batch: number },
) => a.batch <= f.release && f.by.every((d) => a.key[d] === f.key[d])

function run(h: Highs, model: Parameters<Highs['createModel']>[0]) {
  const m = h.createModel(model)
  try {
    m.options.set({ output_flag: false, time_limit: 60 })
    m.run()
    const status = m.getModelStatus()
    if (status === h.constants.modelStatus.infeasible) return undefined
    if (status !== h.constants.modelStatus.optimal) throw new Error(`HiGHS status ${status}`)
    return { x: m.getSolution().colValue, objective: m.getObjectiveValue() }
  } finally {
    m.dispose()
  }
}

function csr(rows: { idx: number[]; val: number[] }[], numCols: number) {
  const starts = [0]
  const indices: number[] = []
  const values: number[] = []
  for (const r of rows) {
    indices.push(...r.idx)
    values.push(...r.val)
    starts.push(indices.length)
  }
  return { format: 'csr' as const, numRows: rows.length, numCols, starts, indices, values }
}

const truthOf = (world: World, a: { key: CellKey; batch: number }) => {
  const hit = world.atoms.find(
    (t) => t.batch === a.batch && JSON.stringify(t.key) === JSON.stringify(a.key),
  )
  return hit ? Object.values(hit.values).reduce((s, n) => s + n, 0) : 0
}

/** Smallest set in the span of the published counts, if one of 1..k-1 exists. */
export async function spanAttack(world: World): Promise<Finding[]> {
  const h = await solver()
  const figures = published(world)
  const atoms = universe(world)
    .map((a) => ({ ...a, n: truthOf(world, a) }))
    .filter((a) => a.n > 0)
  const F = figures.length
  const rows = atoms.map((a, i) => {
    const idx = figures.flatMap((f, j) => (inside(f, a) ? [j] : []))
    return { idx: [...idx, F + i], val: [...idx.map(() => 1), -1] }
  })
  rows.push({ idx: atoms.map((_, i) => F + i), val: atoms.map((a) => a.n) })
  const inf = h.infinity
  const solution = run(h, {
    numCols: F + atoms.length,
    numRows: rows.length,
    colCost: [...figures.map(() => 0), ...atoms.map((a) => a.n)],
    colLower: [...figures.map(() => -inf), ...atoms.map(() => 0)],
    colUpper: [...figures.map(() => inf), ...atoms.map(() => 1)],
    rowLower: [...atoms.map(() => 0), 1],
    rowUpper: [...atoms.map(() => 0), world.k - 1],
    matrix: csr(rows, F + atoms.length),
    integrality: [...figures.map(() => 0 as const), ...atoms.map(() => 1 as const)],
  })
  if (!solution) return []
  const terms = figures.flatMap((f, j) =>
    Math.abs(solution.x[j]) > 1e-6 ? [`${solution.x[j].toFixed(2)}*${f.label}`] : [],
  )
  return [{ kind: 'span', size: Math.round(solution.objective), terms }]
}

/** LP bounds on hidden counts; with `answers`, the answer counts of q tighten them. */
export async function intervalAttack(world: World): Promise<Finding[]> {
  const h = await solver()
  const atoms = universe(world)
  const V = world.values.length
  // x[a * V + v]: respondents of atom a with value v of the required question.
  const numCols = atoms.length * V
  const rows: { idx: number[]; val: number[]; lo: number; hi: number }[] = []
  for (const f of published(world)) {
    const members = atoms.flatMap((a, i) => (inside(f, a) ? [i] : []))
    const idx = members.flatMap((i) => world.values.map((_, v) => i * V + v))
    rows.push({ idx, val: idx.map(() => 1), lo: f.n, hi: f.n })
    const counts = world.answers?.[f.release - 1]?.[cellId(f.by, f.key)]
    if (!counts) continue
    world.values.forEach((value, v) => {
      const n = counts[value] ?? 0
      rows.push({ idx: members.map((i) => i * V + v), val: members.map(() => 1), lo: n, hi: n })
    })
  }
  const bound = (target: number[], maximize: boolean) => {
    const r = run(h, {
      numCols,
      numRows: rows.length,
      sense: maximize ? h.constants.objectiveSense.maximize : h.constants.objectiveSense.minimize,
      colCost: Array.from({ length: numCols }, (_, j) =>
        target.includes(Math.floor(j / V)) ? 1 : 0,
      ),
      colLower: Array(numCols).fill(0),
      colUpper: Array(numCols).fill(h.infinity),
      rowLower: rows.map((r) => r.lo),
      rowUpper: rows.map((r) => r.hi),
      matrix: csr(rows, numCols),
    })
    if (!r) throw new Error('the publications contradict each other')
    return r.objective
  }
  // Targets: every cell of every table, cumulative at each release and per release batch.
  const targets: { name: string; atoms: number[] }[] = []
  const names = Object.keys(atoms[0]?.key ?? {})
  const subsets = [
    [],
    ...names.map((n) => [n]),
    ...names.flatMap((a, i) => names.slice(i + 1).map((b) => [a, b])),
    names,
  ]
  const seen = new Set<string>()
  for (const by of subsets) {
    for (const a of atoms) {
      for (let r = 1; r <= world.publications.length; r++) {
        for (const part of ['upto', 'only'] as const) {
          const name = `${part}${r}:${cellId(by, a.key)}`
          if (seen.has(name)) continue
          seen.add(name)
          const members = atoms.flatMap((b, i) =>
            by.every((d) => b.key[d] === a.key[d]) &&
            (part === 'upto' ? b.batch <= r : b.batch === r)
              ? [i]
              : [],
          )
          targets.push({ name, atoms: members })
        }
      }
    }
  }
  const findings: Finding[] = []
  for (const t of targets) {
    const truth = t.atoms.reduce((s, i) => s + truthOf(world, atoms[i]), 0)
    if (truth < 1 || truth >= world.k) continue // bounds contain the truth
    const hi = bound(t.atoms, true)
    if (hi > world.k - 1 + 1e-6) continue
    const lo = bound(t.atoms, false)
    if (lo >= 1 - 1e-6) findings.push({ kind: 'interval', target: t.name, lo, hi, truth })
  }
  return findings
}
