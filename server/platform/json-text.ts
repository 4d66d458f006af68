/** Deeper than any questionnaire or answer set; bounds the work of every later recursive step. */
export const MAX_JSON_DEPTH = 64

const utf8 = new TextDecoder('utf-8', { fatal: true })

/** The bytes as text, or undefined when they are not valid UTF-8 (no silent U+FFFD). */
export function decodeUtf8(bytes: ArrayBuffer): string | undefined {
  try {
    return utf8.decode(bytes)
  } catch {
    return undefined
  }
}

/** How deeply arrays and objects nest in JSON text, counted without parsing it. */
export function jsonDepth(text: string): number {
  let depth = 0
  let deepest = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i)
    if (inString) {
      if (char === 0x5c) i++ // backslash: skip the escaped character
      else if (char === 0x22) inString = false
    } else if (char === 0x22) inString = true
    else if (char === 0x5b || char === 0x7b) deepest = Math.max(deepest, ++depth)
    else if (char === 0x5d || char === 0x7d) depth--
  }
  return deepest
}

// A NUL or half a surrogate pair cannot be stored as text by PostgreSQL, nor shown sensibly.
const UNSAFE_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

/** JSON.parse that also reports whether any key or string holds a NUL or a lone surrogate. */
export function parseJsonText(text: string): { value: unknown; unsafeText: boolean } {
  let unsafeText = false
  const value: unknown = JSON.parse(text, (key, item: unknown) => {
    if (UNSAFE_TEXT.test(key) || (typeof item === 'string' && UNSAFE_TEXT.test(item))) {
      unsafeText = true
    }
    return item
  })
  return { value, unsafeText }
}
