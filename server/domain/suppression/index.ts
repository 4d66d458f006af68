/**
 * Small-cell suppression for published aggregates (docs/decisions/003-small-cell-suppression.md):
 * plan one safe pattern for a release's total, one-way and two-way tables; audit publications
 * with an attacker model; check an interim release against the earlier ones.
 */
export { planSuppression } from './planner'
export { auditPublications, checkRelease } from './releases'
export { selectTable } from './publication'
export { validateMinGroupSize } from './validate'
export { InconsistentError } from './propagate'
export { DEFAULT_MIN_GROUP_SIZE, LOWEST_MIN_GROUP_SIZE } from './types'
export type {
  CellKey,
  CountRow,
  Dimension,
  Disclosure,
  Publication,
  PublishedCell,
  PublishedTable,
  ReleaseCheck,
  Scope,
  SuppressionInput,
} from './types'
