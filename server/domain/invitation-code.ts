import { createHmac } from 'node:crypto'

// Crockford base32: no I, L, O or U, so a code read aloud or off paper is hard to mistype.
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
export const CODE_LENGTH = 16 // 16 x 5 = 80 random bits
export const CODE_BYTES = CODE_LENGTH // one random byte per character (5 of its bits used)
const GROUP = 4

// Crockford's decoding rules: the letters people confuse with digits read as those digits.
const LOOKALIKES: Record<string, string> = { I: '1', L: '1', O: '0' }

/** `XXXX-XXXX-XXXX-XXXX` from CODE_BYTES random bytes. Pure: the caller brings the randomness. */
export function codeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < CODE_LENGTH) throw new Error(`need ${CODE_LENGTH} random bytes`)
  // 256 is a multiple of 32, so the low five bits of a uniform byte are uniform.
  const chars = Array.from(bytes.subarray(0, CODE_LENGTH), (byte) => CODE_ALPHABET[byte & 31])
  return formatCode(chars.join(''))
}

/** Groups a normalised code for people: `ABCD-EFGH-JKMN-PQRS`. */
export function formatCode(normalized: string): string {
  return normalized.match(new RegExp(`.{1,${GROUP}}`, 'g'))?.join('-') ?? ''
}

/**
 * What a person typed, as the canonical code: case, spaces and dashes do not matter, and I/L/O
 * read as 1/1/0. null when it cannot be a code at all (so it needs no database look-up).
 */
export function normalizeCode(input: string): string | null {
  if (input.length > 64) return null
  const compact = input.toUpperCase().replace(/[\s-]+/g, '')
  const canonical = [...compact].map((char) => LOOKALIKES[char] ?? char).join('')
  if (canonical.length !== CODE_LENGTH) return null
  return [...canonical].every((char) => CODE_ALPHABET.includes(char)) ? canonical : null
}

/** What the database keeps instead of the code: an HMAC under the server's invitation secret. */
export function codeHmac(secret: Uint8Array, normalized: string): string {
  return createHmac('sha256', secret).update(normalized).digest('base64url')
}
