import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  disallowedCharacters,
  suggestSlug,
  tidySlugInput,
  titleOf,
} from '../client/admin/slugSuggestion.js'
import { isValidSlug } from '../server/domain/slug.js'

// Titles as admins write them: Finnish, Swedish and English words, digits, punctuation, accents.
const titleCharacters = fc.constantFrom(
  ...'abcxyzABCXYZ0129 äöåÄÖÅéüßæø-–_.,:;!?()"\'/&%#@€\t\n'.split(''),
  'ǅ', 'ﬁ', 'İ', '😀', '中', '\u0301',
)
// Long titles of short words, so the 64-character cut often lands on a word break.
const wordyTitles = fc
  .array(fc.stringMatching(/^[A-Za-zäöåÄÖÅ0-9]{1,8}$/), { minLength: 12, maxLength: 30 })
  .map((words) => words.join(' – '))
const titles = fc.oneof(
  fc.string({ unit: titleCharacters, maxLength: 120 }),
  wordyTitles,
  fc.string(),
)

describe('the slug suggested from a title', () => {
  it('is always a slug the server accepts, or empty', () => {
    fc.assert(
      fc.property(titles, (title) => {
        const slug = suggestSlug(title)
        expect(slug === '' || isValidSlug(slug), `“${title}” → “${slug}”`).toBe(true)
      }),
      { numRuns: 2000 },
    )
  })

  it('leaves a valid slug as it is', () => {
    const slugs = fc.stringMatching(/^[a-z0-9]{1,10}(-[a-z0-9]{1,10}){0,4}$/)
    fc.assert(
      fc.property(slugs, (slug) => {
        expect(suggestSlug(slug)).toBe(slug)
      }),
    )
  })

  it('folds Finnish and Swedish letters and joins words with hyphens', () => {
    expect(suggestSlug('Sairaanhoitajat ja kätilöt 2027')).toBe('sairaanhoitajat-ja-katilot-2027')
    expect(suggestSlug('Åbo – Sjuksköterskor & barnmorskor')).toBe(
      'abo-sjukskoterskor-barnmorskor',
    )
    expect(suggestSlug('  Ihmiskauppa: tunnista!  ')).toBe('ihmiskauppa-tunnista')
    expect(suggestSlug('Straße, Æble, Øre')).toBe('strasse-aeble-ore')
    expect(suggestSlug('?!')).toBe('')
  })

  it('is cut to 64 characters without a hyphen at the end', () => {
    const slug = suggestSlug(`${'a'.repeat(63)} b c`)
    expect(slug).toBe('a'.repeat(63))
    expect(suggestSlug('word '.repeat(30))).toHaveLength(64)
  })
})

describe('a slug typed by hand', () => {
  it('is lowered, folded and hyphenated one character for one (the caret stays put)', () => {
    expect(tidySlugInput('Hoitajat Ää_2027')).toBe('hoitajat-aa-2027')
    fc.assert(
      fc.property(fc.string({ unit: titleCharacters }), (typed) => {
        if (/[ßæøİǅﬁ😀\u0301]/u.test(typed)) return // letters that are not one-for-one
        expect([...tidySlugInput(typed)]).toHaveLength([...typed].length)
      }),
    )
  })

  it('names what it still cannot contain', () => {
    expect(disallowedCharacters(tidySlugInput('Hoitajat! 2027?!'))).toEqual(['!', '?'])
    expect(disallowedCharacters('nurses-2027')).toEqual([])
  })
})

describe('the title a slug is suggested from', () => {
  it('is the default text, as the server reads it', () => {
    expect(titleOf({ title: 'Kysely' })).toBe('Kysely')
    expect(titleOf({ title: { fi: 'Kysely', default: 'Survey' } })).toBe('Survey')
    expect(titleOf({ title: { fi: 'Kysely', sv: 'Enkät' } })).toBe('Kysely')
    expect(titleOf({ pages: [] })).toBe('')
    expect(titleOf(null)).toBe('')
  })
})
