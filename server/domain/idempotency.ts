import { createHash, createHmac } from 'node:crypto'

/** The Idempotency-Key header's value: an sf-string ("...") as the IETF draft writes it, or bare. */
const KEY = /^[\x21\x23-\x5b\x5d-\x7e]{16,255}$/

/**
 * The key from an Idempotency-Key header, or null when it cannot be one: fewer than 16 or more
 * than 255 visible ASCII characters (a key must carry at least 128 random bits to be unguessable).
 */
export function parseIdempotencyKey(header: string): string | null {
  const trimmed = header.trim()
  const quoted = /^"(.*)"$/.exec(trimmed)
  const key = quoted ? quoted[1] : trimmed
  return KEY.test(key) ? key : null
}

/** JSON with object keys sorted, so the same request written another way has the same print. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map(
        (key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`,
      )
    return `{${entries.join(',')}}`
  }
  return JSON.stringify(value)
}

/**
 * What is stored for a key: its SHA-256, and an HMAC of the request under the key itself. Without
 * the key (which only the respondent's browser holds, in memory) the fingerprint cannot be
 * matched against stored answers, so the row tells nothing about which response it belongs to.
 */
export function idempotencyRecord(key: string, slug: string, body: unknown) {
  return {
    keyHash: createHash('sha256').update(key).digest('hex'),
    fingerprint: createHmac('sha256', key)
      .update(`${slug}\n${canonicalJson(body)}`)
      .digest('hex'),
  }
}
