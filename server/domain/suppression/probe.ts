/**
 * Probing strengthens propagation: for a count that might be small, suppose it were 0, then
 * suppose it were k or more, and propagate each; a contradiction proves the opposite bound.
 * This catches reasoning over several equations at once that plain propagation misses (and
 * that a linear-programming attacker finds), at one local propagation per probe.
 */
import { InconsistentError, PROBED, Propagator, setBound, type Bounds } from './propagate'

function possible(prop: Propagator, b: Bounds, v: number, side: 0 | 1, value: number): boolean {
  const trail: number[] = []
  const ok = setBound(b, v, side, value, PROBED, [], trail) && prop.run(b, prop.byVar[v], trail)
  prop.undo(b, trail)
  return ok
}

/** Probes every variable accepted by `filter` (default all) whose bounds meet [1, k-1]. */
export function probeAll(prop: Propagator, b: Bounds, k: number, filter?: (v: number) => boolean) {
  for (let v = 0; v < prop.system.varCount; v++) {
    if (b.lo[v] === b.hi[v] || b.hi[v] < 1 || b.lo[v] > k - 1) continue
    if ((b.lo[v] >= 1 && b.hi[v] <= k - 1) || (filter && !filter(v))) continue
    if (b.lo[v] < 1 && possible(prop, b, v, 1, 0)) continue // could be empty: nothing to learn
    const changed: number[] = []
    setBound(b, v, 0, 1, PROBED, changed)
    if (b.hi[v] > k - 1 && !possible(prop, b, v, 0, k)) setBound(b, v, 1, k - 1, PROBED, changed)
    if (changed.length > 0 && !prop.run(b, prop.byVar[v])) {
      throw new InconsistentError('suppression: published counts do not add up')
    }
  }
}
