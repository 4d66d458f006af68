/**
 * The attacker's view of one or more releases as one linear system. Scopes: each release's
 * family of tables, then one difference family per pair of releases (earlier, later), tied by
 * `later = earlier + difference` with every difference >= 0 (counts only grow).
 */
import { decode, type Equation, type Family } from './tables'
import type { System } from './propagate'
import type { Dimension } from './types'

export interface Model {
  family: Family
  releases: number
  /** Difference scopes, in order after the releases: [earlier, later]. */
  pairs: readonly (readonly [number, number])[]
  system: System
}

/** Per-variable known value of one release: NaN = not shown (suppressed or empty). */
export type Pins = Float64Array

export function scopeCount(model: Model): number {
  return model.releases + model.pairs.length
}

export function buildModel(family: Family, releases: number): Model {
  const pairs: [number, number][] = []
  for (let later = 1; later < releases; later++)
    for (let earlier = 0; earlier < later; earlier++) pairs.push([earlier, later])
  const V = family.varCount
  const equations: Equation[] = []
  const scopes = releases + pairs.length
  for (let s = 0; s < scopes; s++) {
    for (const eq of family.equations) {
      equations.push({ parent: s * V + eq.parent, children: eq.children.map((c) => s * V + c) })
    }
  }
  pairs.forEach(([earlier, later], p) => {
    const diff = (releases + p) * V
    for (let v = 0; v < V; v++) {
      equations.push({ parent: later * V + v, children: [earlier * V + v, diff + v] })
    }
  })
  return { family, releases, pairs, system: { varCount: scopes * V, equations } }
}

/** Starting bounds: shown values exact, everything else any nonnegative integer. */
export function initialBounds(model: Model, pins: readonly Pins[]): [Float64Array, Float64Array] {
  const size = model.system.varCount
  const lo = new Float64Array(size)
  const hi = new Float64Array(size).fill(Infinity)
  const V = model.family.varCount
  pins.forEach((release, r) => {
    for (let v = 0; v < V; v++) {
      if (Number.isNaN(release[v])) continue
      lo[r * V + v] = release[v]
      hi[r * V + v] = release[v]
    }
  })
  return [lo, hi]
}

/**
 * Dimensions over the union of every release's values (a choice added by a later version). A
 * value missing from a release's domain had no respondents in it (see emptyPins). Real
 * dimensions must be the same in every release; levels are the union of those any release has
 * (a level added later was simply not published before), with their groups merged.
 */
export function unionDimensions(all: readonly (readonly Dimension[])[]): Dimension[] {
  const roots = (dims: readonly Dimension[]) => dims.filter((d) => !d.level).map((d) => d.name)
  const names = roots(all[0])
  for (const dims of all) {
    if (JSON.stringify(roots(dims)) !== JSON.stringify(names)) {
      throw new TypeError('suppression: releases must use the same dimensions in the same order')
    }
  }
  const union = (name: string) => {
    const values: string[] = []
    for (const dims of all)
      for (const v of dims.find((d) => d.name === name)?.values ?? [])
        if (!values.includes(v)) values.push(v)
    return values
  }
  const real: Dimension[] = names.map((name) => ({ name, values: union(name) }))
  const levels = new Map<string, Dimension>()
  for (const dims of all) {
    for (const dim of dims) {
      if (!dim.level) continue
      const seen = levels.get(dim.name)
      if (seen && seen.level!.of !== dim.level.of) {
        throw new TypeError(`suppression: level ${dim.name} groups different dimensions`)
      }
      const groups: Record<string, string[]> = {}
      for (const [group, members] of Object.entries(seen?.level!.groups ?? {})) groups[group] = [...members]
      for (const [group, members] of Object.entries(dim.level.groups)) {
        groups[group] = [...new Set([...(groups[group] ?? []), ...members])]
      }
      levels.set(dim.name, { name: dim.name, values: union(dim.name), level: { of: dim.level.of, groups } })
    }
  }
  // A member in two groups across releases throws in buildFamily (the releases disagree).
  return [...real, ...levels.values()]
}

/**
 * Empty pins for a release: cells with a value outside its domain are known to be 0 (nobody
 * could choose it then); everything else unknown until shown. A level the release did not
 * have is unknown, not empty: its cells are sums of the release's own.
 */
export function emptyPins(family: Family, domain: readonly Dimension[]): Pins {
  const pins = new Float64Array(family.varCount).fill(NaN)
  const allowed = family.dimensions.map((dim) => {
    const own = domain.find((d) => d.name === dim.name)
    return dim.values.map((v) => (own ? own.values.includes(v) : dim.level !== undefined))
  })
  family.tables.forEach((table) => {
    for (let local = 0; local < table.size; local++) {
      const values = decode(family, table, local)
      if (values.some((value, i) => !allowed[table.dims[i]][value])) pins[table.offset + local] = 0
    }
  })
  return pins
}
