/**
 * The family of tables one release can publish, as linear structure: every cell is a variable,
 * every margin relation an equation `parent = sum(children)`. Tables: the total, each one-way
 * and each two-way table, and with three or more dimensions the full combination (never
 * published, but a count an attacker must not derive either).
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
  tables: readonly FamilyTable[]
  varCount: number
  /** Variable → index in `tables`. */
  varTable: Int32Array
  equations: readonly Equation[]
  /** Equations between published tables (rows, columns, one-way against the total). */
  lines: readonly number[]
  /** Index of the finest table (the full combination). */
  cube: number
}

/** Keeps the attacker model small enough to audit at release time. */
export const MAX_COMBINATIONS = 200_000

function tableSets(d: number): number[][] {
  const sets: number[][] = [[]]
  for (let a = 0; a < d; a++) sets.push([a])
  for (let a = 0; a < d; a++) for (let b = a + 1; b < d; b++) sets.push([a, b])
  if (d >= 3) sets.push(Array.from({ length: d }, (_, i) => i))
  return sets
}

/** Values (indices into each dimension's domain) of a table's local cell. */
export function decode(family: Family, table: FamilyTable, local: number): number[] {
  return table.dims.map((dim, i) => {
    const size = family.dimensions[dim].values.length
    return Math.floor(local / table.strides[i]) % size
  })
}

/** Local index in `target` of the cell that `values` (aligned with `source.dims`) project to. */
function project(source: FamilyTable, values: readonly number[], target: FamilyTable): number {
  let local = 0
  target.dims.forEach((dim, i) => {
    local += values[source.dims.indexOf(dim)] * target.strides[i]
  })
  return local
}

function equationsBetween(family: Family, child: FamilyTable, parent: FamilyTable): Equation[] {
  const groups: number[][] = Array.from({ length: parent.size }, () => [])
  for (let local = 0; local < child.size; local++) {
    const target = project(child, decode(family, child, local), parent)
    groups[target].push(child.offset + local)
  }
  return groups.map((children, local) => ({ parent: parent.offset + local, children }))
}

const sameSet = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((x) => b.includes(x))

/**
 * Parents of a table: it without one dimension. The never-published full combination relates
 * to the two-way tables (with four or more dimensions, three-way margins are left out).
 */
function parentsOf(tables: readonly FamilyTable[], table: FamilyTable): FamilyTable[] {
  if (!table.published) return tables.filter((t) => t.dims.length === 2)
  return tables.filter(
    (t) =>
      t.dims.length === table.dims.length - 1 && t.dims.every((dim) => table.dims.includes(dim)),
  )
}

export function buildFamily(dimensions: readonly Dimension[]): Family {
  const combinations = dimensions.reduce((product, dim) => product * dim.values.length, 1)
  if (combinations > MAX_COMBINATIONS) {
    throw new RangeError(
      `suppression: ${combinations} combinations of dimension values exceed ${MAX_COMBINATIONS}`,
    )
  }
  const d = dimensions.length
  let offset = 0
  const tables: FamilyTable[] = tableSets(d).map((dims) => {
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
    tables,
    varCount: offset,
    varTable,
    equations: [],
    lines: [],
    cube: tables.findIndex((t) => sameSet(t.dims, range(d))),
  }
  const equations: Equation[] = []
  const lines: number[] = []
  for (const child of tables) {
    for (const parent of parentsOf(tables, child)) {
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
    for (const table of family.tables) counts[table.offset + project(finest, values, table)] += n
  }
  return counts
}
