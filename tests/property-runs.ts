/**
 * fast-check settings for the properties that guard data integrity: a fixed seed, so CI runs
 * the same cases every time (a failure reproduces), and `PROPERTY_RUNS=N` (npm run test:deep)
 * for a deeper run with a fresh random seed, printed by fast-check when a case fails.
 */
export const PROPERTY_RUNS = Number(process.env.PROPERTY_RUNS) || 0

export const PROPERTY_SEED = 20261125

export function integrityRuns(runs: number): { numRuns: number; seed?: number } {
  return PROPERTY_RUNS ? { numRuns: PROPERTY_RUNS } : { numRuns: runs, seed: PROPERTY_SEED }
}
