// Choice comparison. SurveyJS compares loosely (1 equals "1", "Ford" equals "ford"). We accept
// the number/string spelling difference only, and return the definition's own value, so stored
// answers always carry the canonical choice value (numbers stay numbers for SQL aggregation).

function sameNumberSpelling(canonical: unknown, value: unknown): boolean {
  if (typeof canonical === 'number' && typeof value === 'string') {
    return value.trim() !== '' && Number(value) === canonical
  }
  if (typeof canonical === 'string' && typeof value === 'number') {
    return canonical.trim() !== '' && Number(canonical) === value
  }
  return false
}

function sameJson(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  try {
    return JSON.stringify(a) === JSON.stringify(b)
  } catch {
    return false
  }
}

/** The canonical value among candidates that equals value, or undefined when none does. */
export function matchValue(
  candidates: readonly unknown[],
  value: unknown,
): { value: unknown } | undefined {
  for (const candidate of candidates) if (candidate === value) return { value: candidate }
  for (const candidate of candidates) {
    if (sameNumberSpelling(candidate, value) || sameJson(candidate, value))
      return { value: candidate }
  }
  return undefined
}

/** Stable identity of a canonical value, for duplicate detection. */
export function valueKey(value: unknown): string {
  return `${typeof value}:${typeof value === 'object' ? JSON.stringify(value) : String(value)}`
}
