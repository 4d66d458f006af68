/**
 * What the disclosure audit (docs/decisions/007) reasons about. A respondent is known to an
 * attacker only through groups: which dimension values they have and in which release they
 * first appeared. Atoms are the finest such groups; every published count is a sum of atoms.
 */
import type { CellKey, Dimension, Publication } from './types'

/** Respondents with one full combination of dimension values who first appeared in `batch`. */
export interface Atom {
  key: CellKey
  /** The release (1, 2, ...) whose new responses they were. */
  batch: number
  n: number
}

/**
 * A published count: respondents of releases 1..`release` whose values match `key` (a subset
 * of the dimensions; `{}` is everyone). Sums and answer counts computed over exactly such a
 * group describe the group and add no other group; anything computed over another set of
 * respondents must be declared as a figure of its own (see `figuresOf`).
 */
export interface Figure {
  release: number
  key: CellKey
  /** Where it was published, for the reasons of a refusal. */
  label: string
}

export const contains = (figure: Figure, atom: Atom) =>
  atom.batch <= figure.release && Object.entries(figure.key).every(([d, v]) => atom.key[d] === v)

/**
 * Every count a release's tables show (release numbers 1..), plus `extra` figures other
 * features publish for that release (e.g. knowledge analytics over other groups).
 */
export function figuresOf(
  publications: readonly Publication[],
  extra: readonly Figure[] = [],
): Figure[] {
  const figures: Figure[] = []
  publications.forEach((publication, i) => {
    for (const table of publication.tables) {
      for (const cell of table.cells) {
        if (cell.suppressed) continue
        const where = table.by.map((d) => `${d}=${cell.key[d]}`).join(', ') || 'total'
        figures.push({ release: i + 1, key: cell.key, label: `release ${i + 1}: ${where}` })
      }
    }
  })
  return [...figures, ...extra]
}

/**
 * A full combination's key with the value of every level added (`region.area` beside
 * `region`), so a figure of a level table contains its members' atoms.
 */
export function withLevels(dimensions: readonly Dimension[]): (key: CellKey) => CellKey {
  const levels = dimensions.flatMap((dim) => {
    if (!dim.level) return []
    const groupOf = new Map<string, string>()
    for (const [group, members] of Object.entries(dim.level.groups))
      for (const member of members) groupOf.set(member, group)
    return [{ name: dim.name, of: dim.level.of, groupOf }]
  })
  if (levels.length === 0) return (key) => key
  return (key) => {
    const full: Record<string, string> = { ...key }
    for (const level of levels) {
      const group = level.groupOf.get(key[level.of])
      if (group === undefined) {
        throw new TypeError(`suppression: level ${level.name} has no group for ${key[level.of]}`)
      }
      full[level.name] = group
    }
    return full
  }
}

/**
 * Atoms from cumulative counts per full combination at each release (oldest first), with the
 * levels of `dimensions` added to their keys.
 */
export function atomsFromReleases(
  cumulative: readonly (readonly { key: CellKey; n: number }[])[],
  dimensions: readonly Dimension[] = [],
): Atom[] {
  const expand = withLevels(dimensions)
  const atoms: Atom[] = []
  let before = new Map<string, number>()
  cumulative.forEach((rows, i) => {
    const now = new Map<string, number>()
    const keys = new Map<string, CellKey>()
    for (const row of rows) {
      const id = JSON.stringify(Object.entries(row.key).sort())
      now.set(id, (now.get(id) ?? 0) + row.n)
      keys.set(id, row.key)
    }
    for (const [id, n] of now) {
      const added = n - (before.get(id) ?? 0)
      if (added < 0) throw new RangeError('suppression: a count fell between releases')
      if (added > 0) atoms.push({ key: expand(keys.get(id)!), batch: i + 1, n: added })
    }
    before = now
  })
  return atoms
}
