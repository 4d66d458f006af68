import { describe, expect, it } from 'vitest'
import { decodeUtf8, jsonDepth, MAX_JSON_DEPTH, parseJsonText } from '../server/json-text.js'
import { postJson, createTestContext, BUNDLED_SLUG, countRows } from './helpers.js'
import { allCorrectBundledAnswers } from './fixtures.js'

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth)

describe('JSON text checks', () => {
  it('count nesting outside strings only, escaped quotes included', () => {
    expect(jsonDepth('{"a": [1, {"b": []}]}')).toBe(4)
    expect(jsonDepth('{"text": "[[[[{{{{ \\" [[[["}')).toBe(1)
    expect(jsonDepth(nested(MAX_JSON_DEPTH))).toBe(MAX_JSON_DEPTH)
  })

  it('refuse bytes that are not UTF-8, and accept those that are', () => {
    expect(decodeUtf8(new Uint8Array([0x61, 0xc3, 0x28]).buffer)).toBeUndefined()
    expect(decodeUtf8(new TextEncoder().encode('Hänvisning ✓').buffer)).toBe('Hänvisning ✓')
  })

  it('flag NUL and lone surrogates in strings and keys, not paired ones', () => {
    expect(parseJsonText('{"a": "x\\u0000"}').unsafeText).toBe(true)
    expect(parseJsonText('{"\\u0000": 1}').unsafeText).toBe(true)
    expect(parseJsonText('["\\ud800"]').unsafeText).toBe(true)
    expect(parseJsonText('["\\udc00x"]').unsafeText).toBe(true)
    expect(parseJsonText('{"emoji": "\\ud83d\\ude00 😀"}').unsafeText).toBe(false)
  })
})

describe('a submission whose free text looks like nesting', () => {
  it('is stored: brackets in a string are text, not depth', async () => {
    const { app, db } = await createTestContext()
    const comment = '[['.repeat(100) + ' {{ "quoted" }}'
    const answers = { ...allCorrectBundledAnswers, comment }
    const res = await postJson(app, `/api/surveys/${BUNDLED_SLUG}/responses`, { answers })
    expect(res.status).toBe(201)
    expect((await countRows(db)).responses).toBe(1)
  })
})
