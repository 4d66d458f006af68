/**
 * Releases are frozen publications of one survey, oldest first. The attacker sees all of them
 * at once, and the cell-wise differences between any two (the respondents who arrived in
 * between), knowing that counts only grow.
 */
import { describeFinding, disclosureId, findDisclosures, runAttack } from './attacker'
import { buildModel, unionDimensions } from './model'
import { InconsistentError } from './propagate'
import { pinsFromPublication } from './publication'
import { buildFamily } from './tables'
import type { Disclosure, Publication, ReleaseCheck } from './types'
import { validateDimensions, validateMinGroupSize } from './validate'

/** Every count of 1..k-1 respondents provable from these publications (k: the largest). */
export function auditPublications(publications: readonly Publication[]): Disclosure[] {
  if (publications.length === 0) return []
  for (const p of publications) {
    validateMinGroupSize(p.minGroupSize)
    validateDimensions(p.dimensions)
  }
  const k = Math.max(...publications.map((p) => p.minGroupSize))
  const family = buildFamily(unionDimensions(publications.map((p) => p.dimensions)))
  const model = buildModel(family, publications.length)
  const pins = publications.map((p) => pinsFromPublication(family, p))
  const { bounds } = runAttack(model, pins, k)
  return findDisclosures(model, bounds, k).map((f) => describeFinding(model, f))
}

/**
 * Whether `next` may be published after `previous`: refused, with the reasons, when it lets
 * the attacker prove a small count that the earlier releases alone did not.
 */
export function checkRelease(previous: readonly Publication[], next: Publication): ReleaseCheck {
  try {
    const found = auditPublications([...previous, next])
    // What the earlier releases disclose on their own was accepted then (or by an older check).
    const known = new Set(found.length > 0 ? auditPublications(previous).map(disclosureId) : [])
    const fresh = found.filter((d) => !known.has(disclosureId(d)))
    return fresh.length === 0 ? { ok: true } : { ok: false, reasons: fresh.map((d) => d.reason) }
  } catch (error) {
    if (!(error instanceof InconsistentError)) throw error
    return { ok: false, reasons: [`the releases contradict each other: ${error.message}`] }
  }
}
