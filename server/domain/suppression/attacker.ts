/**
 * The attacker check: from everything shown (and counts only growing between releases), which
 * counts of 1..k-1 respondents can be proved? A count is disclosed when its proved interval lies
 * within [1, k-1]; a proved 0 is not (nobody is described). Checked for every table cell, every
 * never-published full combination, every difference between releases, and every "group": the
 * cells of one line that are not pinned, taken together.
 */
import { describeKey, keyOf } from './keys'
import { scopeCount, type Model, type Pins, initialBounds } from './model'
import { probeAll } from './probe'
import { InconsistentError, newBounds, Propagator, type Bounds } from './propagate'
import type { CellKey, Disclosure, Scope } from './types'

export interface Finding {
  kind: 'cell' | 'group'
  scope: number
  /** Family variable (cell) or family equation (group). */
  target: number
  lo: number
  hi: number
}

export interface Attack {
  bounds: Bounds
  propagator: Propagator
}

/**
 * Bounds on every count from what is shown: propagation, then probes of the counts that might
 * be small (`probe` narrows which; a count that is truly not small needs none).
 */
export function runAttack(
  model: Model,
  pins: readonly Pins[],
  k: number,
  probe?: (v: number) => boolean,
): Attack {
  const bounds = newBounds(...initialBounds(model, pins))
  const propagator = new Propagator(model.system)
  if (!propagator.run(bounds)) {
    throw new InconsistentError(
      'suppression: published counts do not add up (or fell between releases)',
    )
  }
  probeAll(propagator, bounds, k, probe)
  return { bounds, propagator }
}

const small = (lo: number, hi: number, k: number) => lo >= 1 && hi <= k - 1

export function findDisclosures(model: Model, bounds: Bounds, k: number): Finding[] {
  const { family } = model
  const V = family.varCount
  const { lo, hi } = bounds
  const findings: Finding[] = []
  for (let s = 0; s < scopeCount(model); s++) {
    for (let v = 0; v < V; v++) {
      const g = s * V + v
      if (small(lo[g], hi[g], k))
        findings.push({ kind: 'cell', scope: s, target: v, lo: lo[g], hi: hi[g] })
    }
    family.equations.forEach((eq, e) => {
      let pinned = 0
      let free = 0
      let freeLo = 0
      let freeHi = 0
      for (const c of eq.children) {
        const g = s * V + c
        if (lo[g] === hi[g]) pinned += lo[g]
        else {
          free++
          freeLo += lo[g]
          freeHi += hi[g]
        }
      }
      if (free < 2) return
      const p = s * V + eq.parent
      const groupLo = Math.max(lo[p] - pinned, freeLo)
      const groupHi = Math.min(hi[p] - pinned, freeHi)
      if (small(groupLo, groupHi, k)) {
        findings.push({ kind: 'group', scope: s, target: e, lo: groupLo, hi: groupHi })
      }
    })
  }
  return findings
}

function scopeOf(model: Model, s: number): Scope {
  if (s < model.releases) return { release: s }
  const [from, to] = model.pairs[s - model.releases]
  return { from, to }
}

function scopeLabel(scope: Scope): string {
  if ('release' in scope) return `release ${scope.release + 1}`
  return `new respondents between release ${scope.from + 1} and ${scope.to + 1}`
}

function place(by: readonly string[], key: CellKey): string {
  if (by.length === 0) return 'the total'
  const never = by.length > 2 ? ' (never published)' : ''
  return `by ${by.join('×')}${never}, ${describeKey(by, key)}`
}

const range = (lo: number, hi: number) => (lo === hi ? `exactly ${lo}` : `between ${lo} and ${hi}`)

export function describeFinding(model: Model, finding: Finding): Disclosure {
  const { family } = model
  const scope = scopeOf(model, finding.scope)
  const { lo, hi } = finding
  if (finding.kind === 'cell') {
    const { by, key } = keyOf(family, finding.target)
    const reason = `${scopeLabel(scope)}, ${place(by, key)}: count is ${range(lo, hi)}`
    return { kind: 'cell', scope, by, key, lo, hi, reason }
  }
  // A group: the line of `key` in the table `by` (e.g. the row sector=a of sector×region).
  const eq = family.equations[finding.target]
  const line = keyOf(family, eq.parent)
  const { by } = keyOf(family, eq.children[0])
  const where = line.by.length === 0 ? `by ${by.join('×')}` : place(by, line.key)
  const hold = `the cells not shown hold ${range(lo, hi)} together`
  const reason = `${scopeLabel(scope)}, ${where}: ${hold}`
  return { kind: 'group', scope, by, key: line.key, lo, hi, reason }
}

/** Stable identity of a disclosure across models with different releases. */
export function disclosureId(d: Disclosure): string {
  const scope = 'release' in d.scope ? `r${d.scope.release}` : `d${d.scope.from}-${d.scope.to}`
  return `${d.kind}|${scope}|${d.by.join(',')}|${JSON.stringify(d.key)}`
}
