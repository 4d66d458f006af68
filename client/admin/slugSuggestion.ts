// The server's rule (server/domain/slug.ts), checked here too so a typo is caught before saving.
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
export const SLUG_MAX_LENGTH = 64
export const isValidSlug = (slug: string) =>
  slug.length <= SLUG_MAX_LENGTH && SLUG_PATTERN.test(slug)

// Letters that Unicode does not decompose into a base letter and an accent.
const OWN_LETTERS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  ø: 'o',
  œ: 'oe',
  đ: 'd',
  ł: 'l',
  þ: 'th',
}

/** Lower case with accents dropped: ä→a, ö→o, å→a, é→e, ß→ss. */
function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[ßæøœđłþ]/g, (letter) => OWN_LETTERS[letter])
}

/**
 * A slug made from a title ("Sairaanhoitajat 2027" → "sairaanhoitajat-2027"): always valid, or
 * empty when the title has no letter or digit it can use.
 */
export function suggestSlug(title: string): string {
  const joined = fold(title)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return joined.slice(0, SLUG_MAX_LENGTH).replace(/-+$/, '')
}

/**
 * What an admin types, tidied as they type without moving the caret (one character stays one):
 * capitals lowered, accents dropped, spaces and underscores made hyphens. Anything else is left
 * for the field to point out.
 */
export function tidySlugInput(typed: string): string {
  return [...typed]
    .map((character) => {
      const folded = fold(character)
      if (/^[\s_]$/.test(character)) return '-'
      return folded.length === 1 ? folded : character.toLowerCase()
    })
    .join('')
}

/** The characters a slug cannot have, each once, in the order typed. */
export const disallowedCharacters = (slug: string) => [...new Set(slug.replace(/[a-z0-9-]/g, ''))]

/** A questionnaire's title as the server reads it (defaultText, server/domain/survey-definition.ts). */
export function titleOf(definition: unknown): string {
  const title = (definition as { title?: unknown } | null)?.title
  if (typeof title === 'string') return title
  if (title && typeof title === 'object') {
    const texts = title as Record<string, unknown>
    const text = texts.default ?? texts.en ?? Object.values(texts)[0]
    return typeof text === 'string' ? text : ''
  }
  return ''
}
