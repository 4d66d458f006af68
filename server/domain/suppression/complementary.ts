/**
 * Secondary suppression by lines. A line is a row or column of a two-way table against its
 * one-way cell, or a one-way table against the total. With its total shown, a line's hidden
 * nonzero cells are none, or at least two holding at least k together (one hidden cell is
 * the total minus the rest; a hidden sum below k is a small group). With its total hidden
 * (n > 0), at least one nonzero cell is hidden too, holding min(k, total) or more, or the
 * total would be the sum of the shown cells. Empty cells look hidden but protect nothing.
 */
import type { Family } from './tables'

function violated(family: Family, e: number, counts: Float64Array, shown: Uint8Array, k: number) {
  const { parent, children } = family.equations[e]
  let hidden = 0
  let sum = 0
  for (const c of children) {
    if (shown[c] || counts[c] === 0) continue
    hidden++
    sum += counts[c]
  }
  if (shown[parent]) return hidden > 0 && (hidden < 2 || sum < k)
  return counts[parent] > 0 && (hidden === 0 || sum < Math.min(k, counts[parent]))
}

function linesByVar(family: Family): number[][] {
  const lists: number[][] = Array.from({ length: family.varCount }, () => [])
  for (const e of family.lines) {
    const eq = family.equations[e]
    lists[eq.parent].push(e)
    for (const c of eq.children) lists[c].push(e)
  }
  return lists
}

/** Lines that hiding v would newly break: the cascade a choice starts. */
function cost(family: Family, byVar: number[][], v: number, line: number, state: State): number {
  const { counts, shown, k } = state
  const before = byVar[v].map((e) => e !== line && !violated(family, e, counts, shown, k))
  shown[v] = 0
  const broken = byVar[v].filter((e, i) => before[i] && violated(family, e, counts, shown, k))
  shown[v] = 1
  return broken.length
}

interface State {
  counts: Float64Array
  shown: Uint8Array
  k: number
}

/** Hides more cells (mutating `shown`) until no line breaks the rule or none can be hidden. */
export function applyLineRules(family: Family, state: State): void {
  const { counts, shown, k } = state
  const byVar = linesByVar(family)
  const queue = [...family.lines]
  const queued = new Set(queue)
  while (queue.length > 0) {
    const e = queue.shift() as number
    queued.delete(e)
    while (violated(family, e, counts, shown, k)) {
      const candidates = family.equations[e].children.filter((c) => shown[c] && counts[c] > 0)
      if (candidates.length === 0) break
      // Fewest new broken lines, then the smallest count: the cheapest complement.
      const ranked = candidates
        .map((c) => ({ c, cost: cost(family, byVar, c, e, state) }))
        .sort((a, b) => a.cost - b.cost || counts[a.c] - counts[b.c] || a.c - b.c)
      const chosen = ranked[0].c
      shown[chosen] = 0
      for (const other of byVar[chosen]) {
        if (other !== e && !queued.has(other)) {
          queued.add(other)
          queue.push(other)
        }
      }
    }
  }
}
