// Small helpers for untrusted JSON-like values. Every lookup goes through Object.hasOwn so keys
// such as `__proto__` or `constructor` can never resolve to something on a prototype.

export type PlainObject = Record<string, unknown>

export function isPlainObject(value: unknown): value is PlainObject {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false
  const proto: unknown = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

export function ownValue(obj: PlainObject, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined
}

export function isPrimitive(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
}

/** Deep emptiness as SurveyJS sees it: no answer given (whitespace-only text counts as none). */
export function isEmptyAnswer(value: unknown): boolean {
  if (value === undefined || value === null) return true
  if (typeof value === 'string') return value.trim() === ''
  if (typeof value === 'number') return Number.isNaN(value)
  if (Array.isArray(value)) return value.every(isEmptyAnswer)
  if (isPlainObject(value)) return Object.keys(value).every((key) => isEmptyAnswer(value[key]))
  return false
}

/** True for values that survive a JSON round trip unchanged (finite numbers, no cycles assumed). */
export function isJsonSafe(value: unknown, depth = 0): boolean {
  if (depth > 32) return false
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true
  if (typeof value === 'number') return Number.isFinite(value)
  if (Array.isArray(value)) return value.every((item) => isJsonSafe(item, depth + 1))
  if (isPlainObject(value)) {
    return Object.keys(value).every((key) => isJsonSafe(value[key], depth + 1))
  }
  return false
}

/** Copies a JSON value into fresh plain objects/arrays, so nothing we store aliases the input. */
export function cloneJson<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => cloneJson(item)) as T
  if (isPlainObject(value)) {
    const copy: PlainObject = {}
    for (const key of Object.keys(value)) {
      // defineProperty so a literal "__proto__" key stays an own data property
      Object.defineProperty(copy, key, {
        value: cloneJson(value[key]),
        enumerable: true,
        writable: true,
        configurable: true,
      })
    }
    return copy as T
  }
  return value
}

/** Short human description of a value's JSON type for messages. */
export function describeType(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (isPlainObject(value)) return 'an object'
  if (typeof value === 'string') return 'a string'
  if (typeof value === 'number') return Number.isFinite(value) ? 'a number' : 'a non-finite number'
  if (typeof value === 'boolean') return 'a boolean'
  return typeof value
}

/** Renders a value for an error message without echoing huge inputs back. */
export function preview(value: unknown): string {
  let text: string
  try {
    text = JSON.stringify(value) ?? String(value)
  } catch {
    text = String(value)
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text
}
