import fc from 'fast-check'
import { Model } from 'survey-core'
import { describe, expect, it } from 'vitest'
import { canBeDimension, kindOf, KINDS } from '../../client/admin/editor/model/kinds'
import * as ops from '../../client/admin/editor/model/operations'
import { allElements, pagesOf } from '../../client/admin/editor/model/structure'
import { listTexts } from '../../client/admin/editor/model/textRefs'
import { sourcesOf } from '../../client/admin/editor/model/translations'
import type { Json } from '../../client/admin/editor/model/texts'
import { miniSurvey } from '../fixtures'

const names = (definition: Json) => allElements(definition).map((e) => String(e.name))
const q = (page: number, index: number) => ({ page, index })

// A definition with a custom property on a choice (SurveyJS scoring examples) and a condition.
const start: Json = {
  title: 'Ward',
  pages: [
    {
      name: 'p1',
      elements: [
        { type: 'radiogroup', name: 'sector', choices: [{ value: 'a', text: 'A', score: 3 }] },
        { type: 'comment', name: 'why', visibleIf: "{sector} = 'a'" },
      ],
    },
    { name: 'p2', elements: [{ type: 'text', name: 'age', inputType: 'number' }] },
  ],
}

describe('editing pages, questions and choices', () => {
  it('adds, moves, duplicates and deletes pages', () => {
    let d = ops.addPage(start)
    expect(pagesOf(d).map((p) => p.name)).toEqual(['p1', 'p2', 'page1'])
    d = ops.movePage(d, 2, 0)
    expect(pagesOf(d).map((p) => p.name)).toEqual(['page1', 'p1', 'p2'])
    d = ops.duplicatePage(d, 1)
    expect(pagesOf(d).map((p) => p.name)).toEqual(['page1', 'p1', 'p1_copy', 'p2'])
    // The copy's condition points at the copy's own question.
    expect(pagesOf(d)[2].elements).toMatchObject([
      { name: 'sector_copy' },
      { name: 'why_copy', visibleIf: "{sector_copy} = 'a'" },
    ])
    d = ops.deletePage(d, 0)
    expect(pagesOf(d).map((p) => p.name)).toEqual(['p1', 'p1_copy', 'p2'])
    expect(start.pages).toHaveLength(2) // never changed in place
  })

  it('moves a question past the edge of its page onto the next or previous page', () => {
    let d = ops.moveQuestion(start, q(0, 1), 1)
    expect(pagesOf(d).map((p) => names({ pages: [p] }))).toEqual([['sector'], ['why', 'age']])
    d = ops.moveQuestion(d, q(1, 0), -1)
    expect(pagesOf(d).map((p) => names({ pages: [p] }))).toEqual([['sector', 'why'], ['age']])
    expect(ops.moveQuestion(start, q(0, 0), -1)).toEqual(start)
  })

  it('duplicates questions and choices with new names, keeping custom properties', () => {
    let d = ops.duplicateQuestion(start, q(0, 0))
    expect(names(d)).toEqual(['sector', 'sector_copy', 'why', 'age'])
    d = ops.duplicateItem(d, q(0, 1), 'choices', 0)
    expect((pagesOf(d)[0].elements as Json[])[1].choices).toEqual([
      { value: 'a', text: 'A', score: 3 },
      { value: 'a_copy', text: 'A', score: 3 },
    ])
    d = ops.addItem(d, q(0, 1), 'choices')
    d = ops.moveItem(d, q(0, 1), 'choices', 2, 0)
    d = ops.deleteItem(d, q(0, 1), 'choices', 1)
    expect((pagesOf(d)[0].elements as Json[])[1].choices).toEqual([
      { value: 'choice1' },
      { value: 'a_copy', text: 'A', score: 3 },
    ])
  })

  it('renaming a question carries its dimension, conditions and translation records', () => {
    let d = ops.setDimension(start, 'sector', true)
    d = ops.setText(
      d,
      { at: 'question', page: 0, index: 0, prop: 'title' },
      'sector.title',
      'en',
      'Where?',
    )
    d = ops.setText(
      d,
      { at: 'question', page: 0, index: 0, prop: 'title' },
      'sector.title',
      'fi',
      'Missä?',
    )
    d = ops.renameQuestion(d, q(0, 0), 'unit')
    expect(d.dimensions).toEqual(['unit'])
    expect((pagesOf(d)[0].elements as Json[])[1].visibleIf).toBe("{unit} = 'a'")
    expect(sourcesOf(d)).toEqual({ 'unit.title': { fi: 'Where?' } })
    d = ops.deleteQuestion(d, q(0, 0))
    expect(d.dimensions).toEqual([])
    expect(d.translatedFrom).toBeUndefined()
  })

  it('reads default dimensions by name until the admin chooses', () => {
    expect(ops.dimensionsOf(start)).toEqual(['sector'])
    expect(ops.setDimension(start, 'sector', false).dimensions).toEqual([])
  })

  it('changes a question kind, keeping what both kinds share', () => {
    const d = ops.setKind(start, q(0, 0), 'dropdown')
    expect((pagesOf(d)[0].elements as Json[])[0]).toEqual({
      type: 'dropdown',
      name: 'sector',
      choices: [{ value: 'a', text: 'A', score: 3 }],
    })
    expect((pagesOf(ops.setKind(d, q(0, 0), 'date'))[0].elements as Json[])[0]).toEqual({
      type: 'text',
      inputType: 'date',
      name: 'sector',
    })
  })
})

describe('any sequence of edits', () => {
  const at = fc.record({ page: fc.nat(3), index: fc.nat(4) })
  const edit = fc.oneof(
    fc.constant((d: Json) => ops.addPage(d)),
    fc.tuple(fc.nat(3), fc.constantFrom(...KINDS)).map(
      ([p, k]) =>
        (d: Json) =>
          ops.addQuestion(d, p, k),
    ),
    fc.tuple(fc.nat(3), fc.nat(3)).map(
      ([a, b]) =>
        (d: Json) =>
          ops.movePage(d, a, b),
    ),
    fc.nat(3).map((p) => (d: Json) => ops.duplicatePage(d, p)),
    fc.nat(3).map((p) => (d: Json) => ops.deletePage(d, p)),
    fc.tuple(at, fc.constantFrom(-1 as const, 1 as const)).map(
      ([a, s]) =>
        (d: Json) =>
          ops.moveQuestion(d, a, s),
    ),
    at.map((a) => (d: Json) => ops.duplicateQuestion(d, a)),
    at.map((a) => (d: Json) => ops.deleteQuestion(d, a)),
    at.map((a) => (d: Json) => ops.addItem(d, a, 'choices')),
    at.map((a) => (d: Json) => ops.duplicateItem(d, a, 'choices', 0)),
    fc.nat(30).map((n) => (d: Json) => ops.setDimension(d, names(d)[n % names(d).length], true)),
    fc.tuple(at, fc.constantFrom(...KINDS)).map(
      ([a, k]) =>
        (d: Json) =>
          ops.setKind(d, a, k),
    ),
    fc
      .tuple(fc.nat(30), fc.constantFrom('fi', 'sv', 'en' as const), fc.string({ maxLength: 3 }))
      .map(([n, lang, text]) => (d: Json) => {
        const texts = listTexts(d)
        const entry = texts[n % Math.max(texts.length, 1)]
        return entry ? ops.setText(d, entry.ref, entry.key, lang, text) : d
      }),
  )
  // Edits that do not apply where they point (no such question) must leave the definition valid.
  const safely = (d: Json, change: (d: Json) => Json) => {
    try {
      return change(d)
    } catch {
      return d
    }
  }

  it('keeps names unique, dimensions and records pointing at what exists, survey-core happy', () => {
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 25 }), (edits) => {
        const d = edits.reduce(safely, structuredClone(miniSurvey) as Json)
        const all = names(d)
        expect(new Set(all).size).toBe(all.length)
        for (const dimension of ops.dimensionsOf(d)) {
          const element = allElements(d).find((e) => e.name === dimension)
          expect(canBeDimension(kindOf(element ?? {}))).toBe(true)
        }
        const keys = new Set(listTexts(d).map((entry) => entry.key))
        for (const key of Object.keys(sourcesOf(d))) expect(keys).toContain(key)
        const model = new Model(d)
        // Only our own survey-level properties are unknown to survey-core.
        const unknown = (model.jsonErrors ?? []).map((e) => e.message)
        expect(unknown.filter((m) => !/'survey': '(dimensions|translatedFrom)'/.test(m))).toEqual(
          [],
        )
        model.dispose()
      }),
      { numRuns: 150 },
    )
  })
})
