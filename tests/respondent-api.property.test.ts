import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addSurvey, countRows, createTestContext, postJson } from './helpers.js'
import { miniSurvey, validMiniAnswers } from './fixtures.js'

const answerValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(...Object.values(validMiniAnswers)),
)

// Bodies from nothing-like-the-contract to almost-valid answers with one or two values changed.
const body = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.record({ answers: fc.dictionary(fc.string({ maxLength: 20 }), answerValue, { maxKeys: 8 }) }),
  fc.record({
    answers: fc
      .dictionary(fc.constantFrom(...Object.keys(validMiniAnswers), 'extra', '__proto__'), answerValue)
      .map((changes) => ({ ...validMiniAnswers, ...changes })),
    locale: fc.oneof(fc.constantFrom('fi', 'sv', 'en'), fc.string({ maxLength: 5 })),
  }),
)

describe('random submission bodies', () => {
  it('never cause a 5xx, and anything not accepted stores nothing', async () => {
    const ctx = await createTestContext({ loadBundled: false })
    await addSurvey(ctx.db, 'mini', miniSurvey)
    let stored = 0
    await fc.assert(
      fc.asyncProperty(body, async (value) => {
        const res = await postJson(ctx.app, '/api/surveys/mini/responses', JSON.stringify(value))
        expect(res.status).toBeLessThan(500)
        expect([201, 400, 422]).toContain(res.status)
        if (res.status === 201) stored++
        else expect((await res.json()).error.code).toEqual(expect.any(String))
        expect((await countRows(ctx.db)).responses).toBe(stored)
      }),
      { numRuns: 150 },
    )
    expect(ctx.errors).toEqual([])
  }, 120_000)
})
