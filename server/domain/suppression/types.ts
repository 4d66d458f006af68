/** Public shapes of the small-cell suppression module (see docs/decisions/003). */

export const DEFAULT_MIN_GROUP_SIZE = 5
/** Below 3 a published pair of respondents could recognise each other's answers. */
export const LOWEST_MIN_GROUP_SIZE = 3

export interface Dimension {
  name: string
  /** Every possible value (the questionnaire's choices), so empty combinations are cells too. */
  values: readonly string[]
  /**
   * A level: a coarser grouping of another dimension (`of`), whose `values` are the group
   * values; `groups` lists each group's member values of `of`, each member in one group.
   * Counts are given by the real dimensions only; a level's cells are sums of theirs.
   */
  level?: { of: string; groups: Readonly<Record<string, readonly string[]>> }
}

/** Dimension name → value; `{}` is the key of the total. */
export type CellKey = Readonly<Record<string, string>>

/** Respondents in one full combination of all dimensions (one row of a GROUP BY). */
export interface CountRow {
  key: CellKey
  n: number
}

export interface SuppressionInput {
  minGroupSize: number
  dimensions: readonly Dimension[]
  /** Sparse: a combination that is not listed has no respondents. */
  counts: Iterable<CountRow>
}

/** A suppressed cell and an empty one look the same: no n, no statistics. */
export type PublishedCell =
  { key: CellKey; suppressed: false; n: number } | { key: CellKey; suppressed: true }

export interface PublishedTable {
  /** Dimension names in the publication's dimension order; `[]` is the total. */
  by: readonly string[]
  cells: readonly PublishedCell[]
}

/**
 * Everything one release may show: the total, every one-way and every two-way table, with one
 * suppression pattern that is safe for all of them together.
 */
export interface Publication {
  minGroupSize: number
  dimensions: readonly Dimension[]
  tables: readonly PublishedTable[]
  /**
   * Questions summarised in the groups: those every respondent of the release was asked
   * (decision 007). Absent in releases made before that rule: every question.
   */
  questions?: readonly string[]
}

/** Where a disclosed quantity lives: one release, or the difference between two releases. */
export type Scope = { release: number } | { from: number; to: number }

export interface Disclosure {
  /**
   * `cell`: one table cell, or a never-published full combination; `group`: the cells of one
   * line that are not pinned, together (key: the line's margin cell, by: the line's table).
   */
  kind: 'cell' | 'group'
  scope: Scope
  by: readonly string[]
  key: CellKey
  /** Bounds the attacker proves for the count (hi may be Infinity). */
  lo: number
  hi: number
  reason: string
}

export type ReleaseCheck = { ok: true } | { ok: false; reasons: string[] }
