import { describe, expect, it } from 'vitest'
import { decodeUtf8, jsonDepth, parseJsonText } from '../server/platform/json-text.js'
import { postJson, createTestContext, BUNDLED_SLUG, countRows } from './helpers.js'
import { allCorrectBundledAnswers } from './fixtures.js'

// README: "400 invalid_body ... nests deeper than 64 levels" (not imported from the code).
const MAX_JSON_DEPTH = 64
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

describe('nesting over HTTP', () => {
  // {"answers": {"x": [[...]]}}: the body's object and answers are two levels.
  const submission = (depth: number) => `{"answers":{"x":${nested(depth - 2)}}}`

  it('accepts 64 levels as far as reading the body, refuses 65 with 400 invalid_body', async () => {
    const { app, db } = await createTestContext()
    const send = (body: string) =>
      app.request(`/api/surveys/${BUNDLED_SLUG}/responses`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body,
      })
    expect(jsonDepth(submission(MAX_JSON_DEPTH))).toBe(MAX_JSON_DEPTH)
    const deepest = await send(submission(MAX_JSON_DEPTH))
    expect(deepest.status).toBe(422) // read, then refused for its answers
    expect((await deepest.json()).error.code).toBe('invalid_answers')
    const deeper = await send(submission(MAX_JSON_DEPTH + 1))
    expect(deeper.status).toBe(400)
    expect((await deeper.json()).error.code).toBe('invalid_body')
    expect((await countRows(db)).responses).toBe(0)
  })
})
