import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { KINDS } from '../../client/admin/editor/model/kinds'
import * as ops from '../../client/admin/editor/model/operations'
import { allElements } from '../../client/admin/editor/model/structure'
import { listTexts } from '../../client/admin/editor/model/textRefs'
import type { Json } from '../../client/admin/editor/model/texts'
import { unknownProperties } from '../../client/admin/editor/unknownProperties'
import { LEVELS, start } from './levels-fixture'

const q = (page: number, index: number) => ({ page, index })
const names = (d: Json) => allElements(d).map((e) => String(e.name))

// No server code is imported here: it teaches survey-core the server's own properties, which the
// admin app's survey-core does not know (unknownProperties is tested as the browser runs it).
describe('levels in the browser editor', () => {
  it('are kept exactly by any sequence of edits that renames nothing (fast-check)', () => {
    const at = fc.record({ page: fc.nat(2), index: fc.nat(5) })
    const edit = fc.oneof(
      fc.constant((d: Json) => ops.addPage(d)),
      fc
        .tuple(fc.nat(2), fc.constantFrom(...KINDS))
        .map(([p, k]) => (d: Json) => ops.addQuestion(d, p, k)),
      fc.nat(2).map((p) => (d: Json) => ops.duplicatePage(d, p)),
      fc.nat(2).map((p) => (d: Json) => ops.deletePage(d, p)),
      fc
        .tuple(at, fc.constantFrom(-1 as const, 1 as const))
        .map(([a, s]) => (d: Json) => ops.moveQuestion(d, a, s)),
      at.map((a) => (d: Json) => ops.duplicateQuestion(d, a)),
      at.map((a) => (d: Json) => ops.deleteQuestion(d, a)),
      at.map((a) => (d: Json) => ops.addItem(d, a, 'choices')),
      at.map((a) => (d: Json) => ops.deleteItem(d, a, 'choices', 0)),
      at.map((a) => (d: Json) => ops.setProperty(d, a, 'isRequired', true)),
      fc.tuple(at, fc.constantFrom(...KINDS)).map(([a, k]) => (d: Json) => ops.setKind(d, a, k)),
      fc
        .tuple(fc.nat(20), fc.boolean())
        .map(([n, on]) => (d: Json) => ops.setDimension(d, names(d)[n % names(d).length], on)),
      fc
        .tuple(fc.nat(30), fc.constantFrom('fi', 'sv', 'en' as const), fc.string({ maxLength: 3 }))
        .map(([n, lang, text]) => (d: Json) => {
          const texts = listTexts(d)
          const entry = texts[n % Math.max(texts.length, 1)]
          return entry ? ops.setText(d, entry.ref, entry.key, lang, text) : d
        }),
    )
    const safely = (d: Json, change: (d: Json) => Json) => {
      try {
        return change(d)
      } catch {
        return d
      }
    }
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 20 }), (edits) => {
        expect(edits.reduce(safely, start()).levels).toStrictEqual(LEVELS)
      }),
      { numRuns: 200 },
    )
  })

  it('follow a renamed dimension question and a renamed choice value', () => {
    const renamed = ops.renameQuestion(start(), q(0, 0), 'unit')
    expect((renamed.levels as Json[])[0].of).toBe('unit')
    const moved = ops.setItemValue(renamed, q(0, 0), 'choices', 1, 'health_centre')
    expect((moved.levels as Json[])[0].groups).toMatchObject([
      { value: 'care', members: ['hospital', 'health_centre'] },
      { value: 'rest', members: ['other'] },
    ])
    // Another question's choice of the same value is not a member.
    const other = ops.setItemValue(start(), q(0, 1), 'choices', 0, 'hospital')
    expect(other.levels).toStrictEqual(LEVELS)
  })

  it('are ours: not listed among the properties SurveyJS does not know', () => {
    expect(unknownProperties(start())).toEqual([])
    expect(unknownProperties({ ...start(), colour: 'red' })).toEqual(['colour (survey)'])
  })
})
