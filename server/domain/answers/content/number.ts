// Number parsing shared by text, rating and slider checks.

const NUMERIC_STRING = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/

/** A finite number from a JSON number or a plain decimal string; undefined otherwise. */
export function toFiniteNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined
  if (typeof value !== 'string' || !NUMERIC_STRING.test(value.trim())) return undefined
  const parsed = Number(value.trim())
  return Number.isFinite(parsed) ? parsed : undefined
}

/** A bound from the definition (min/max may be numbers, numeric strings, empty or undefined). */
export function toBound(value: unknown): number | undefined {
  if (value === '' || value === null || value === undefined) return undefined
  return toFiniteNumber(value)
}

/** Whether value lies on the grid min + k*step (with float tolerance). */
export function isOnStep(value: number, min: number, step: number): boolean {
  if (!(step > 0)) return true
  const k = (value - min) / step
  return Math.abs(k - Math.round(k)) < 1e-9 * Math.max(1, Math.abs(k))
}
