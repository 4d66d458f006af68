/**
 * Plans one suppression pattern for a release's whole family of tables: primary (0 < n < k,
 * and empty cells look the same), complementary by lines, then the attacker check decides: while
 * it proves a small count, the shown cell nearest to that proof is hidden too. With earlier
 * releases, their publications are frozen and only this release's cells can be hidden.
 */
import {
  disclosureId,
  describeFinding,
  findDisclosures,
  runAttack,
  type Attack,
  type Finding,
} from './attacker'
import { applyLineRules } from './complementary'
import { tableFor, varFor } from './keys'
import { buildModel, emptyPins, unionDimensions, type Model, type Pins } from './model'
import { pinsFromPublication, toPublication } from './publication'
import { auditPublications } from './releases'
import { PROBED, type Bounds, type Propagator } from './propagate'
import { buildFamily, marginCounts, type Family } from './tables'
import type { CellKey, Publication, SuppressionInput } from './types'
import { cubeCounts, validateDimensions, validateMinGroupSize } from './validate'

/**
 * One safe pattern for the release's total, one-way and two-way tables. With `previous`
 * releases (oldest first), k is the largest used so far, differences are protected too, and a
 * count that fell since an earlier release throws (the releases would contradict each other).
 */
export function planSuppression(
  input: SuppressionInput,
  previous: readonly Publication[] = [],
  options: PlanOptions = {},
): Publication {
  validateDimensions(input.dimensions)
  for (const p of previous) validateDimensions(p.dimensions)
  const k = Math.max(
    validateMinGroupSize(input.minGroupSize),
    ...previous.map((p) => validateMinGroupSize(p.minGroupSize)),
  )
  const dimensions = unionDimensions([...previous.map((p) => p.dimensions), input.dimensions])
  const family = buildFamily(dimensions)
  const outside = emptyPins(family, input.dimensions)
  const counts = marginCounts(family, cubeCounts(family, input.counts))
  if (counts.some((n, v) => n > 0 && outside[v] === 0)) {
    throw new TypeError('suppression: a count uses a value outside its dimension')
  }
  const shown = new Uint8Array(family.varCount)
  const hide = new Set(
    (options.hide ?? []).map((c) => varFor(family, tableFor(family, c.by), c.key)),
  )
  if (counts[0] >= k) {
    for (const table of family.tables.filter((t) => t.published)) {
      for (let v = table.offset; v < table.offset + table.size; v++)
        shown[v] = counts[v] >= k && !hide.has(v) ? 1 : 0
    }
    protect(family, { counts, shown, k, outside, previous })
  }
  return toPublication(family, input.dimensions, k, counts, shown)
}

export interface PlanOptions {
  /** Cells to hide from the start (the span audit's repairs, decision 007). */
  hide?: readonly { by: readonly string[]; key: CellKey }[]
}

interface Plan {
  counts: Float64Array
  shown: Uint8Array
  k: number
  outside: Pins
  previous: readonly Publication[]
}

function currentPins(plan: Plan): Pins {
  return plan.outside.map((zero, v) => (plan.shown[v] ? plan.counts[v] : zero))
}

function protect(family: Family, plan: Plan): void {
  const model = buildModel(family, plan.previous.length + 1)
  const frozen = plan.previous.map((p) => pinsFromPublication(family, p))
  const V = family.varCount
  const current = frozen.length
  /** Scopes that involve this release: itself, and its differences from the earlier ones. */
  const involved = (scope: number) =>
    scope === current ||
    (scope >= model.releases && model.pairs[scope - model.releases][1] === current)
  // Disclosures the earlier releases make on their own are not this release's to fix.
  let before: Set<string> | undefined
  const isFresh = (f: Finding) => {
    if (involved(f.scope)) return true
    before ??= new Set(auditPublications(plan.previous).map(disclosureId))
    return !before.has(disclosureId(describeFinding(model, f)))
  }
  // Only a truly small count can be disclosed, and a count of this release bounds the same
  // count earlier and every difference up to it: probe just those (in the scopes of this
  // release) while iterating, then confirm with the full attack that auditPublications runs.
  const mightBeSmall = (g: number) => {
    const n = plan.counts[g % V]
    const scope = Math.floor(g / V)
    return n > 0 && involved(scope) && (scope !== current || n < plan.k)
  }
  let full = false
  for (;;) {
    applyLineRules(family, plan)
    const pins = [...frozen, currentPins(plan)]
    const attack = runAttack(model, pins, plan.k, full ? undefined : mightBeSmall)
    const fresh = findDisclosures(model, attack.bounds, plan.k).filter(isFresh)
    if (fresh.length === 0 && full) return
    full = fresh.length === 0
    const picks = new Set(
      fresh.map((f) => repairFor(model, attack, pins, f, plan)).filter((v) => v >= 0),
    )
    if (fresh.length > 0 && picks.size === 0) {
      // Cannot happen for a first release (see 003); later ones are refused by checkRelease.
      if (frozen.length === 0) hideAllButTotal(family, plan.shown)
      return
    }
    for (const v of picks) plan.shown[v] = 0
  }
}

function hideAllButTotal(family: Family, shown: Uint8Array): void {
  shown.fill(0)
  shown[family.tables[0].offset] = 1
}

/**
 * The shown cell of this release closest to the proof of a finding (breadth-first over the
 * equations that set the bounds), preferring two-way cells, then the smallest count.
 */
function repairFor(
  model: Model,
  attack: Attack,
  pins: readonly Pins[],
  f: Finding,
  plan: Plan,
): number {
  const { family, system } = model
  const { bounds, propagator } = attack
  const V = family.varCount
  const current = model.releases - 1
  const base = f.scope * V
  const start =
    f.kind === 'cell'
      ? [base + f.target]
      : [family.equations[f.target].parent, ...family.equations[f.target].children].map(
          (v) => base + v,
        )
  const isCandidate = (g: number) => {
    const v = g - current * V
    return v > 0 && v < V && plan.shown[v] === 1
  }
  const isPinned = (g: number) =>
    g < model.releases * V && !Number.isNaN(pins[Math.floor(g / V)][g % V])
  const seen = new Set<number>(start)
  let level = start
  let candidates = start.filter(isCandidate)
  while (candidates.length === 0 && level.length > 0) {
    const next: number[] = []
    for (const u of level) {
      if (isPinned(u)) continue
      for (const e of reasons(bounds, propagator, u)) {
        const eq = system.equations[e]
        for (const w of [eq.parent, ...eq.children]) {
          if (seen.has(w)) continue
          seen.add(w)
          if (isCandidate(w)) candidates.push(w)
          else next.push(w)
        }
      }
    }
    level = next
  }
  if (candidates.length === 0) return -1
  const rank = (g: number) => -family.tables[family.varTable[g - current * V]].dims.length
  candidates.sort(
    (a, b) =>
      rank(a) - rank(b) || plan.counts[a - current * V] - plan.counts[b - current * V] || a - b,
  )
  return candidates[0] - current * V
}

/** Equations behind u's bounds; a probed bound came from all of u's equations. */
function reasons(bounds: Bounds, propagator: Propagator, u: number): Iterable<number> {
  const whys = [bounds.loWhy[u], bounds.hiWhy[u]]
  if (whys.includes(PROBED)) return propagator.byVar[u]
  return whys.filter((why) => why >= 0)
}
