/**
 * A release's publication, planned and audited (docs/decisions/007): the small-cell plan
 * (decision 003), then the span audit over this release's figures and
 * every earlier release's. While the audit finds a set of 1..k-1 respondents, the shown cell of
 * this release that the combination leans on (two-way first, then the smallest) is hidden and
 * the plan is made again. When no cell of this release is in the combination, the earlier
 * releases and this one's total give the set away: the release is refused.
 */
import { describeKey } from './keys'
import { atomsFromReleases, figuresOf, type Figure } from './figures'
import { unionDimensions } from './model'
import { planSuppression } from './planner'
import type { Highs } from './solver'
import { spanAudit, type SmallSet } from './span-audit'
import type { CellKey, CountRow, Dimension, Publication } from './types'

export interface ReleaseInput {
  minGroupSize: number
  dimensions: readonly Dimension[]
  /** Counts per full combination of releases 1..N, for each earlier release and this one. */
  cumulative: readonly (readonly CountRow[])[]
  /** Figures other features publish with this release (issue 18), release numbers 1..N. */
  extra?: readonly Figure[]
  /** Seconds per solve (default 60). */
  timeLimit?: number
}

export type PlannedRelease =
  { ok: true; publication: Publication; rounds: number } | { ok: false; reasons: string[] }

export function describeSet(set: SmallSet): string {
  const terms = set.combination
    .map(
      ({ figure, weight }) =>
        `${weight > 0 ? '+' : '-'} ${Math.abs(weight) === 1 ? '' : `${Math.abs(weight)} x `}(${figure.label})`,
    )
    .join(' ')
  // The size itself is not said: the refusal is read by admins, and it is the disclosure.
  return `${terms.replace(/^\+ /, '')} would give a group below the minimum`
}

export function planRelease(
  highs: Highs,
  input: ReleaseInput,
  previous: readonly Publication[],
): PlannedRelease {
  const { cumulative } = input
  if (cumulative.length !== previous.length + 1) {
    throw new TypeError('suppression: one cumulative count list per release is needed')
  }
  const counts = cumulative[cumulative.length - 1]
  const atoms = atomsFromReleases(cumulative, unionDimensions([...previous.map((p) => p.dimensions), input.dimensions]))
  const k = Math.max(input.minGroupSize, ...previous.map((p) => p.minGroupSize))
  const release = previous.length + 1
  const hide: { by: string[]; key: CellKey }[] = []
  for (let rounds = 1; ; rounds++) {
    const publication = planSuppression(
      { minGroupSize: input.minGroupSize, dimensions: input.dimensions, counts },
      previous,
      { hide },
    )
    const figures = figuresOf([...previous, publication], input.extra)
    const audit = spanAudit(highs, { k, atoms, figures, timeLimit: input.timeLimit })
    if (audit.safe) return { ok: true, publication, rounds }
    if ('unknown' in audit) {
      return { ok: false, reasons: [`The disclosure audit did not finish (${audit.unknown}).`] }
    }
    const repair = pickRepair(audit.found, publication, release)
    if (!repair) return { ok: false, reasons: [describeSet(audit.found)] }
    hide.push(repair)
  }
}

/** The cell of this release to hide: in the combination, two-way first, then the smallest. */
function pickRepair(set: SmallSet, publication: Publication, release: number) {
  const sizes = new Map<string, number>()
  for (const table of publication.tables) {
    for (const cell of table.cells) {
      if (!cell.suppressed) sizes.set(describeKey(table.by, cell.key), cell.n)
    }
  }
  const candidates = set.combination
    .filter(({ figure }) => figure.release === release && Object.keys(figure.key).length > 0)
    .map(({ figure }) => {
      const by = publication.dimensions.map((d) => d.name).filter((d) => d in figure.key)
      return { by, key: figure.key, n: sizes.get(describeKey(by, figure.key)) ?? Infinity }
    })
    .filter((c) => c.n < Infinity)
    .sort((a, b) => b.by.length - a.by.length || a.n - b.n)
  return candidates[0]
}
