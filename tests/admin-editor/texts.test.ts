import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatCondition, parseCondition } from '../../client/admin/editor/model/conditions'
import { LANGS, readText, writeText } from '../../client/admin/editor/model/texts'

const lang = fc.constantFrom(...LANGS)
const localized = fc.oneof(
  fc.string(),
  fc.record({ default: fc.string(), fi: fc.string(), sv: fc.string() }, { requiredKeys: [] }),
)

describe('texts in three languages', () => {
  it('writing one language changes only that language', () => {
    fc.assert(
      fc.property(localized, lang, lang, fc.string(), (value, source, target, text) => {
        const next = writeText(value, target, text, source)
        expect(readText(next, target, source)).toBe(text)
        for (const other of LANGS.filter((l) => l !== target)) {
          expect(readText(next, other, source)).toBe(readText(value, other, source))
        }
      }),
    )
  })

  it('keeps hand-written JSON plain: only the source text is a plain string', () => {
    expect(writeText(undefined, 'en', 'Where?', 'en')).toBe('Where?')
    expect(writeText('Where?', 'fi', 'Missä?', 'en')).toEqual({ default: 'Where?', fi: 'Missä?' })
    expect(writeText({ default: 'Where?', fi: 'Missä?' }, 'fi', '', 'en')).toBe('Where?')
    expect(writeText('Where?', 'en', '', 'en')).toBeUndefined()
    // A Finnish-first questionnaire (`locale: "fi"`) keeps Finnish in `default`.
    expect(readText({ default: 'Missä?', en: 'Where?' }, 'fi', 'fi')).toBe('Missä?')
  })
})

describe('"show this question when" conditions', () => {
  const condition = fc.record({
    question: fc.stringMatching(/^[a-z_][a-z0-9_]{0,10}$/),
    op: fc.constantFrom('is' as const, 'includes' as const),
    value: fc.string().filter((v) => !(v.includes("'") && v.includes('"'))),
  })

  it('reads back every condition it writes', () => {
    fc.assert(
      fc.property(condition, fc.constantFrom('text', 'boolean', 'number' as const), (c, kind) => {
        expect(parseCondition(formatCondition(c, kind as 'text'))).toEqual(c)
      }),
    )
  })

  it('writes SurveyJS expressions, and leaves anything more complex to the JSON view', () => {
    expect(formatCondition({ question: 'met', op: 'is', value: 'yes' })).toBe("{met} = 'yes'")
    expect(formatCondition({ question: 'topics', op: 'includes', value: 'law' })).toBe(
      "{topics} contains 'law'",
    )
    expect(formatCondition({ question: 'ok', op: 'is', value: 'true' }, 'boolean')).toBe(
      '{ok} = true',
    )
    expect(parseCondition("{met} anyof ['yes', 'not_sure']")).toBeNull()
    expect(parseCondition("{a} = 'x' and {b} contains 'y'")).toBeNull()
  })
})
