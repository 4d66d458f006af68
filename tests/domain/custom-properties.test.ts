import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkDefinition } from '../../server/domain/publishing'
import { validateAnswers } from '../../server/domain/validate-answers'
import { miniSurvey, validMiniAnswers } from '../fixtures'

// Properties survey-core does not know, at every level an editor or a SurveyJS example puts them.
const UNKNOWN_NAMES = ['score', 'weight', 'extraChoices', 'isrequired', 'maxlength', 'meta']

type Json = Record<string, unknown>

/** The mini survey with unknown properties added: [which object (any index), its extra props]. */
function sprinkled(extra: [number, Json][]): Json {
  const copy = structuredClone(miniSurvey) as unknown as Json
  const page = (copy.pages as Json[])[0]
  const targets: Json[] = [copy, page]
  for (const question of page.elements as Json[]) {
    targets.push(question)
    if (Array.isArray(question.choices)) {
      question.choices = question.choices.map((value) => {
        const choice = { value, text: String(value) }
        targets.push(choice)
        return choice
      })
    }
  }
  for (const [at, props] of extra) Object.assign(targets[at % targets.length], props)
  return copy
}

// Values that would matter if they were read: flags, small limits, extra choice lists.
const values = fc.oneof(
  fc.boolean(),
  fc.integer({ min: 0, max: 3 }),
  fc.constant(['zzz']),
  fc.jsonValue(),
)
const unknownProps = fc.dictionary(fc.constantFrom(...UNKNOWN_NAMES), values, {
  maxKeys: 3,
})

describe('SurveyJS JSON with properties survey-core does not know', () => {
  it('is accepted for publishing (e.g. `score` on choices), and kept as sent', () => {
    const definition = sprinkled([
      [0, { meta: { owner: 'IOM' } }],
      [3, { score: 3 }],
    ])
    const check = checkDefinition(definition)
    expect(check).toMatchObject({ ok: true, title: 'Mini survey' })
    expect(JSON.stringify(definition)).toContain('"score":3')
  })

  it('still refuses what survey-core cannot load (wrong types are not unknown properties)', () => {
    const definition = { pages: [{ name: 'p', elements: [{ type: 'sparkles', name: 'q' }] }] }
    expect(checkDefinition(definition).ok).toBe(false)
  })

  it('never changes what answers are accepted or refused: validation ignores them', () => {
    const answers = fc.record(
      {
        sector: fc.constantFrom('hospital', 'other', 'nowhere', 3),
        knowledge_border: fc.constantFrom('true', 'false', 'x'),
        confidence: fc.constantFrom(1, 5, 9, '4'),
        topics: fc.subarray(['indicators', 'referral', 'law', 'zzz']),
        comment: fc.string({ maxLength: 8 }),
      },
      { requiredKeys: [] },
    )
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), unknownProps), { maxLength: 8 }),
        answers,
        (extra, given) => {
          const plain = sprinkled([])
          const withExtras = sprinkled(extra)
          for (const engine of ['auto', 'survey-core'] as const) {
            expect(validateAnswers(withExtras, given, { engine })).toEqual(
              validateAnswers(plain, given, { engine }),
            )
          }
        },
      ),
      { numRuns: 25 },
    )
    expect(validateAnswers(sprinkled([]), validMiniAnswers).ok).toBe(true)
  })
})
