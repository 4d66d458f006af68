/** Translation between named cell keys and the family's variables. */
import { decode, type Family, type FamilyTable } from './tables'
import type { CellKey } from './types'

export function byOf(family: Family, table: FamilyTable): string[] {
  return table.dims.map((dim) => family.dimensions[dim].name)
}

export function keyOf(family: Family, v: number): { by: string[]; key: CellKey } {
  const table = family.tables[family.varTable[v]]
  const values = decode(family, table, v - table.offset)
  const key: Record<string, string> = {}
  table.dims.forEach((dim, i) => {
    key[family.dimensions[dim].name] = family.dimensions[dim].values[values[i]]
  })
  return { by: byOf(family, table), key }
}

/** The family table grouping by exactly these dimension names (any order). */
export function tableFor(family: Family, by: readonly string[]): FamilyTable {
  const dims = by.map((name) => family.dimensions.findIndex((d) => d.name === name))
  const table = family.tables.find(
    (t) =>
      !dims.includes(-1) &&
      new Set(dims).size === dims.length &&
      t.dims.length === dims.length &&
      dims.every((dim) => t.dims.includes(dim)),
  )
  if (!table) throw new TypeError(`suppression: no table groups by [${by.join(', ')}]`)
  return table
}

/** Variable of a named key in a table; throws when the key does not fit the table. */
export function varFor(family: Family, table: FamilyTable, key: CellKey): number {
  const names = Object.keys(key)
  if (names.length !== table.dims.length) {
    throw new TypeError(`suppression: key ${JSON.stringify(key)} does not fit its table`)
  }
  let local = 0
  table.dims.forEach((dim, i) => {
    const { name, values } = family.dimensions[dim]
    const value = values.indexOf(key[name])
    if (!Object.hasOwn(key, name) || value < 0) {
      throw new TypeError(`suppression: unknown value in key ${JSON.stringify(key)}`)
    }
    local += value * table.strides[i]
  })
  return table.offset + local
}

export function describeKey(by: readonly string[], key: CellKey): string {
  if (by.length === 0) return 'the total'
  return by.map((name) => `${name}=${key[name]}`).join(', ')
}
