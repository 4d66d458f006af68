/**
 * The family of tables one release can publish, as linear structure: every cell is a variable,
 * every margin relation an equation `parent = sum(children)`. Tables: the total, each one-way
 * and each two-way table, and with three or more dimensions the full combination (never
 * published, but a count an attacker must not derive either). A level (a coarser grouping of a
 * dimension, types.ts) adds its own one-way and two-way tables, each cell tied by an equation
 * to the cells of its members; it is never crossed with its own dimension.
 */
import type { Dimension } from './types'

export interface FamilyTable {
  /** Dimension indices, ascending. */
  dims: readonly number[]
  published: boolean
  offset: number
  size: number
  /** Row-major strides for `dims` (last dimension fastest). */
  strides: readonly number[]
}

export interface Equation {
  parent: number
  children: readonly number[]
}

export interface Family {
  dimensions: readonly Dimension[]
  /** Per dimension: itself for a real dimension, the dimension it groups for a level. */
  rootOf: readonly number[]
  /** Per level: group index of each value of its root; null for a real dimension. */
  coarsen: readonly (Int32Array | null)[]
  tables: readonly FamilyTable[]
  varCount: number
  /** Variable → index in `tables`. */
  varTable: Int32Array
  equations: readonly Equation[]
  /** Equations between published tables (rows, columns, one-way against the total). */
  lines: readonly number[]
  /** Index of the finest table (the full combination of the real dimensions). */
  cube: number
}

/** Keeps the attacker model small enough to audit at release time. */
export const MAX_COMBINATIONS = 200_000

function tableSets(rootOf: readonly number[]): number[][] {
  const d = rootOf.length
  const roots = range(d).filter((i) => rootOf[i] === i)
  const sets: number[][] = [[]]
  for (let a = 0; a < d; a++) sets.push([a])
  for (let a = 0; a < d; a++)
    for (let b = a + 1; b < d; b++) if (rootOf[a] !== rootOf[b]) sets.push([a, b])
  if (roots.length >= 3) sets.push(roots)
  return sets
}

/** Values (indices into each dimension's domain) of a table's local cell. */
export function decode(family: Family, table: FamilyTable, local: number): number[] {
  return table.dims.map((dim, i) => {
    const size = family.dimensions[dim].values.length
    return Math.floor(local / table.strides[i]) % size
  })
}

/**
 * Local index in `target` of the cell that `values` (aligned with `source.dims`) project to:
 * a dimension of both keeps its value, a level of a source dimension takes that value's group.
 */
function project(
  family: Family,
  source: FamilyTable,
  values: readonly number[],
  target: FamilyTable,
): number {
  let local = 0
  target.dims.forEach((dim, i) => {
    const at = source.dims.indexOf(dim)
    const value =
      at >= 0 ? values[at] : family.coarsen[dim]![values[source.dims.indexOf(family.rootOf[dim])]]
    local += value * target.strides[i]
  })
  return local
}

function equationsBetween(family: Family, child: FamilyTable, parent: FamilyTable): Equation[] {
  const groups: number[][] = Array.from({ length: parent.size }, () => [])
  for (let local = 0; local < child.size; local++) {
    const target = project(family, child, decode(family, child, local), parent)
    groups[target].push(child.offset + local)
  }
  return groups.map((children, local) => ({ parent: parent.offset + local, children }))
}

const sameSet = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((x) => b.includes(x))

/**
 * Parents of a table: it without one dimension, and it with a dimension replaced by one of its
 * levels. The never-published full combination relates to the two-way tables of real
 * dimensions (with four or more, three-way margins are left out).
 */
function parentsOf(family: Family, tables: readonly FamilyTable[], table: FamilyTable) {
  const isRoot = (dim: number) => family.rootOf[dim] === dim
  if (!table.published) return tables.filter((t) => t.dims.length === 2 && t.dims.every(isRoot))
  const coarser = (t: FamilyTable) =>
    t.dims.length === table.dims.length &&
    t.dims.some((dim) => !isRoot(dim) && table.dims.includes(family.rootOf[dim])) &&
    t.dims.every((dim) => table.dims.includes(dim) || table.dims.includes(family.rootOf[dim])) &&
    t.dims.filter((dim) => !table.dims.includes(dim)).length === 1
  return tables.filter(
    (t) =>
      (t.dims.length === table.dims.length - 1 && t.dims.every((dim) => table.dims.includes(dim))) ||
      coarser(t),
  )
}

/** Where each dimension's level points; a level must group a real dimension listed before it. */
function levelStructure(dimensions: readonly Dimension[]) {
  const rootOf = dimensions.map((dim, i) => {
    if (!dim.level) return i
    const root = dimensions.findIndex((d) => d.name === dim.level!.of)
    if (root < 0 || root >= i || dimensions[root].level) {
      throw new TypeError(`suppression: level ${dim.name} must group a dimension listed before it`)
    }
    return root
  })
  const coarsen = dimensions.map((dim, i) => {
    if (!dim.level) return null
    const members = dimensions[rootOf[i]].values
    const map = new Int32Array(members.length).fill(-1)
    dim.values.forEach((group, g) => {
      for (const member of dim.level!.groups[group] ?? []) {
        const at = members.indexOf(member)
        if (at < 0 || map[at] >= 0) {
          throw new TypeError(`suppression: level ${dim.name} groups ${member} wrongly`)
        }
        map[at] = g
      }
    })
    if (map.includes(-1)) {
      throw new TypeError(`suppression: level ${dim.name} must group every value of ${dim.level.of}`)
    }
    return map
  })
  return { rootOf, coarsen }
}

export function buildFamily(dimensions: readonly Dimension[]): Family {
  const { rootOf, coarsen } = levelStructure(dimensions)
  const combinations = dimensions.reduce(
    (product, dim) => (dim.level ? product : product * dim.values.length),
    1,
  )
  if (combinations > MAX_COMBINATIONS) {
    throw new RangeError(
      `suppression: ${combinations} combinations of dimension values exceed ${MAX_COMBINATIONS}`,
    )
  }
  const roots = range(dimensions.length).filter((i) => rootOf[i] === i)
  let offset = 0
  const tables: FamilyTable[] = tableSets(rootOf).map((dims) => {
    const sizes = dims.map((dim) => dimensions[dim].values.length)
    const strides = sizes.map((_, i) => sizes.slice(i + 1).reduce((p, s) => p * s, 1))
    const size = sizes.reduce((p, s) => p * s, 1)
    const table = { dims, published: dims.length <= 2, offset, size, strides }
    offset += size
    return table
  })
  const varTable = new Int32Array(offset)
  tables.forEach((t, i) => varTable.fill(i, t.offset, t.offset + t.size))
  const family: Family = {
    dimensions,
    rootOf,
    coarsen,
    tables,
    varCount: offset,
    varTable,
    equations: [],
    lines: [],
    cube: tables.findIndex((t) => sameSet(t.dims, roots)),
  }
  const equations: Equation[] = []
  const lines: number[] = []
  for (const child of tables) {
    for (const parent of parentsOf(family, tables, child)) {
      for (const eq of equationsBetween(family, child, parent)) {
        if (child.published) lines.push(equations.length)
        equations.push(eq)
      }
    }
  }
  return { ...family, equations, lines }
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i)
}

/** Counts of every variable, summed up from counts per full combination (cube order). */
export function marginCounts(family: Family, cube: ArrayLike<number>): Float64Array {
  const counts = new Float64Array(family.varCount)
  const finest = family.tables[family.cube]
  for (let local = 0; local < finest.size; local++) {
    const n = cube[local]
    if (n === 0) continue
    const values = decode(family, finest, local)
    for (const table of family.tables) {
      counts[table.offset + project(family, finest, values, table)] += n
    }
  }
  return counts
}
