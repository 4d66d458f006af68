/**
 * Interval propagation over nonnegative integer unknowns tied by `parent = sum(children)`:
 * the attacker's reasoning. Each equation tightens every member from the bounds of the others,
 * to a fixpoint. Sound (never excludes the true value) but weaker than linear programming.
 */
import type { Equation } from './tables'

export interface System {
  varCount: number
  equations: readonly Equation[]
}

export interface Bounds {
  lo: Float64Array
  hi: Float64Array
  /** Equation that last raised lo / lowered hi: -1 initial, PROBED by a probe (probe.ts). */
  loWhy: Int32Array
  hiWhy: Int32Array
}

export const PROBED = -2

/** The shown counts contradict each other (or a count fell between releases). */
export class InconsistentError extends Error {}

/** Bounds the work: slow creeping on cycles stops here (the bounds stay sound). */
const STEPS_PER_EQUATION = 100

export function newBounds(lo: Float64Array, hi: Float64Array): Bounds {
  const why = () => new Int32Array(lo.length).fill(-1)
  return { lo, hi, loWhy: why(), hiWhy: why() }
}

/** Reusable propagation state for one system; `trail` records changes so a probe can be undone. */
export class Propagator {
  readonly byVar: Int32Array[]
  private readonly queue: Int32Array
  private readonly queued: Uint8Array

  constructor(readonly system: System) {
    const lists: number[][] = Array.from({ length: system.varCount }, () => [])
    system.equations.forEach((eq, e) => {
      lists[eq.parent].push(e)
      for (const child of eq.children) lists[child].push(e)
    })
    this.byVar = lists.map((list) => Int32Array.from(list))
    this.queue = new Int32Array(system.equations.length + 1)
    this.queued = new Uint8Array(system.equations.length)
  }

  /** Propagates from `seeds` (default: every equation); false when the bounds contradict. */
  run(b: Bounds, seeds?: ArrayLike<number>, trail?: number[]): boolean {
    const { queue, queued, byVar } = this
    const count = this.system.equations.length
    let head = 0
    let size = 0
    const push = (e: number) => {
      if (queued[e]) return
      queued[e] = 1
      queue[(head + size) % queue.length] = e
      size++
    }
    if (seeds) for (let i = 0; i < seeds.length; i++) push(seeds[i])
    else for (let e = 0; e < count; e++) push(e)
    let budget = STEPS_PER_EQUATION * count + 1000
    let consistent = true
    const changed: number[] = []
    while (size > 0) {
      const e = queue[head]
      head = (head + 1) % queue.length
      size--
      queued[e] = 0
      if (!consistent || budget-- <= 0) continue // drain the queue, clearing flags
      changed.length = 0
      consistent = tighten(this.system.equations[e], e, b, changed, trail)
      for (const v of changed) for (const f of byVar[v]) push(f)
    }
    return consistent
  }

  /** Restores the bounds recorded in `trail` (newest first). */
  undo(b: Bounds, trail: number[]): void {
    for (let i = trail.length - 4; i >= 0; i -= 4) {
      const [v, side, value, why] = [trail[i], trail[i + 1], trail[i + 2], trail[i + 3]]
      if (side === 0) [b.lo[v], b.loWhy[v]] = [value, why]
      else [b.hi[v], b.hiWhy[v]] = [value, why]
    }
    trail.length = 0
  }
}

/** Sets a bound (side 0 lo, 1 hi) if it tightens; false when lo would pass hi. */
export function setBound(
  b: Bounds,
  v: number,
  side: 0 | 1,
  value: number,
  why: number,
  changed: number[],
  trail?: number[],
): boolean {
  if (side === 0 ? value <= b.lo[v] : value >= b.hi[v]) return true
  if (side === 0 ? value > b.hi[v] : value < b.lo[v]) return false
  trail?.push(v, side, side === 0 ? b.lo[v] : b.hi[v], side === 0 ? b.loWhy[v] : b.hiWhy[v])
  if (side === 0) [b.lo[v], b.loWhy[v]] = [value, why]
  else [b.hi[v], b.hiWhy[v]] = [value, why]
  changed.push(v)
  return true
}

/** One pass over one equation; false on contradiction. */
function tighten(eq: Equation, e: number, b: Bounds, changed: number[], trail?: number[]) {
  const { parent, children } = eq
  let sumLo = 0
  let sumHi = 0
  let unbounded = 0
  for (const c of children) {
    sumLo += b.lo[c]
    if (b.hi[c] === Infinity) unbounded++
    else sumHi += b.hi[c]
  }
  let ok = setBound(b, parent, 0, sumLo, e, changed, trail)
  if (unbounded === 0) ok &&= setBound(b, parent, 1, sumHi, e, changed, trail)
  const pLo = b.lo[parent]
  const pHi = b.hi[parent]
  // Stale sums only loosen these bounds (los rise, his fall): still sound.
  for (const c of children) {
    if (!ok) break
    const own = b.hi[c] === Infinity
    if (unbounded - (own ? 1 : 0) === 0) {
      ok = setBound(b, c, 0, pLo - (sumHi - (own ? 0 : b.hi[c])), e, changed, trail)
    }
    if (ok && pHi !== Infinity) ok = setBound(b, c, 1, pHi - (sumLo - b.lo[c]), e, changed, trail)
  }
  return ok
}
