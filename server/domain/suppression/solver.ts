/**
 * HiGHS (the University of Edinburgh's LP/MIP solver, compiled to WebAssembly by the npm
 * package `highs`): the one solver every disclosure audit uses. Nothing here solves anything
 * itself; this file only turns a sparse problem into HiGHS's model and reads the answer back.
 */
import loadHighs from 'highs'

export type Highs = Awaited<ReturnType<typeof loadHighs>>

let loading: Promise<Highs> | undefined

/** Loads the WebAssembly module once per process (about 30 ms): for tests and benchmarks. */
export function loadSolver(): Promise<Highs> {
  loading ??= loadHighs()
  return loading
}

/**
 * A module of its own, for one release: a WebAssembly heap only grows (about 260 MB for the 5th
 * release of 100,000 responses), so the server drops it with the release instead of keeping it.
 */
export const createSolver = (): Promise<Highs> => loadHighs()

export interface SparseRow {
  lower: number
  upper: number
  indices: readonly number[]
  values: readonly number[]
}

export interface Problem {
  colLower: readonly number[]
  colUpper: readonly number[]
  colCost: readonly number[]
  integer: readonly boolean[]
  rows: readonly SparseRow[]
  maximize?: boolean
  /** Seconds; a solve that runs out is 'unknown', which callers must treat as unsafe. */
  timeLimit?: number
}

export type Solution =
  | { status: 'optimal'; x: Float64Array; objective: number }
  | { status: 'infeasible' }
  | { status: 'unknown'; reason: string }

export function solve(highs: Highs, problem: Problem): Solution {
  const numCols = problem.colCost.length
  const starts = [0]
  const indices: number[] = []
  const values: number[] = []
  for (const row of problem.rows) {
    indices.push(...row.indices)
    values.push(...row.values)
    starts.push(indices.length)
  }
  const infinity = (v: number) =>
    v === Infinity ? highs.infinity : v === -Infinity ? -highs.infinity : v
  const model = highs.createModel({
    numCols,
    numRows: problem.rows.length,
    sense: problem.maximize
      ? highs.constants.objectiveSense.maximize
      : highs.constants.objectiveSense.minimize,
    colCost: [...problem.colCost],
    colLower: problem.colLower.map(infinity),
    colUpper: problem.colUpper.map(infinity),
    rowLower: problem.rows.map((r) => infinity(r.lower)),
    rowUpper: problem.rows.map((r) => infinity(r.upper)),
    matrix: { format: 'csr', numRows: problem.rows.length, numCols, starts, indices, values },
    ...(problem.integer.some(Boolean)
      ? { integrality: problem.integer.map((i) => (i ? 1 : 0)) as (0 | 1)[] }
      : {}),
  })
  try {
    model.options.set({ output_flag: false, time_limit: problem.timeLimit ?? 60 })
    model.run()
    const status = model.getModelStatus()
    const codes = highs.constants.modelStatus
    if (status === codes.optimal) {
      return {
        status: 'optimal',
        x: model.getSolution().colValue,
        objective: model.getObjectiveValue(),
      }
    }
    if (status === codes.infeasible) return { status: 'infeasible' }
    return { status: 'unknown', reason: `HiGHS model status ${status}` }
  } finally {
    model.dispose()
  }
}
