/**
 * The span audit (docs/decisions/007): is there any set of 1..k-1 respondents whose size is a
 * linear combination of published counts? Then the same combination of the answer counts of
 * those groups gives the set's answers too. One mixed-integer program, solved by HiGHS:
 *
 *   z_g = sum of w_f over the published figures f that contain atom class g,  z_g in {0, 1}
 *   1 <= sum of n_g z_g <= k - 1
 *
 * with free real weights w. The attacker is assumed to know which atoms are empty (the
 * strongest reading of "empty cells protect nothing", decision 003), so empty atoms are left
 * out. Atoms contained in exactly the same figures are one class: no combination tells them
 * apart. Infeasible means no such set exists, with exact published figures.
 */
import { contains, type Atom, type Figure } from './figures'
import { solve, type Highs } from './solver'

export interface SmallSet {
  size: number
  /** Figures with their weights in the combination that gives the set's size. */
  combination: { figure: Figure; weight: number }[]
  atoms: Atom[]
}

export type SpanResult =
  { safe: true } | { safe: false; found: SmallSet } | { safe: false; unknown: string }

export interface SpanInput {
  k: number
  atoms: readonly Atom[]
  figures: readonly Figure[]
  timeLimit?: number
}

export function atomClasses(atoms: readonly Atom[], figures: readonly Figure[]) {
  // A figure over a dimension the atoms lack would contain nobody and hide a disclosure.
  const names = new Set(atoms.flatMap((atom) => Object.keys(atom.key)))
  for (const figure of figures) {
    const foreign = Object.keys(figure.key).find((name) => atoms.length > 0 && !names.has(name))
    if (foreign) throw new TypeError(`suppression: figure ${figure.label} groups by unknown ${foreign}`)
  }
  const classes = new Map<string, { figures: number[]; atoms: Atom[]; n: number }>()
  for (const atom of atoms) {
    if (atom.n <= 0) continue
    const inside = figures.flatMap((f, i) => (contains(f, atom) ? [i] : []))
    const id = inside.join(',')
    const group = classes.get(id) ?? { figures: inside, atoms: [], n: 0 }
    group.atoms.push(atom)
    group.n += atom.n
    classes.set(id, group)
  }
  return [...classes.values()]
}

export function spanAudit(highs: Highs, input: SpanInput): SpanResult {
  const { k, figures } = input
  const classes = atomClasses(input.atoms, figures)
  // A class below k that no figure touches is never published; one that is its own figure's
  // only class would be that figure, which primary suppression never shows.
  const F = figures.length
  const G = classes.length
  if (G === 0) return { safe: true }
  const rows = classes.map((c, g) => ({
    lower: 0,
    upper: 0,
    indices: [...c.figures, F + g],
    values: [...c.figures.map(() => 1), -1],
  }))
  rows.push({
    lower: 1,
    upper: k - 1,
    indices: classes.map((_, g) => F + g),
    values: classes.map((c) => c.n),
  })
  const solution = solve(highs, {
    colLower: [...Array(F).fill(-Infinity), ...Array(G).fill(0)],
    // A class of k or more can never be part of a set below k.
    colUpper: [...Array(F).fill(Infinity), ...classes.map((c) => (c.n < k ? 1 : 0))],
    // The smallest set first: with this objective HiGHS proves most audits at the root node.
    colCost: [...Array(F).fill(0), ...classes.map((c) => c.n)],
    integer: [...Array(F).fill(false), ...Array(G).fill(true)],
    rows,
    timeLimit: input.timeLimit,
  })
  if (solution.status === 'infeasible') return { safe: true }
  if (solution.status === 'unknown') return { safe: false, unknown: solution.reason }
  const chosen = classes.filter((_, g) => solution.x[F + g] > 0.5)
  const combination = figures
    .map((figure, f) => ({ figure, weight: Math.round(solution.x[f] * 1e6) / 1e6 }))
    .filter((c) => Math.abs(c.weight) > 1e-6)
  const size = chosen.reduce((sum, c) => sum + c.n, 0)
  return { safe: false, found: { size, combination, atoms: chosen.flatMap((c) => c.atoms) } }
}
