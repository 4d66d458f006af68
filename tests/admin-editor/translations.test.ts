import { describe, expect, it } from 'vitest'
import * as ops from '../../client/admin/editor/model/operations'
import { listTexts } from '../../client/admin/editor/model/textRefs'
import { adoptTranslations, translationStatus } from '../../client/admin/editor/model/translations'
import type { Json } from '../../client/admin/editor/model/texts'

const title = { at: 'question', page: 0, index: 0, prop: 'title' } as const
const start: Json = {
  title: { default: 'Ward', fi: 'Osasto', sv: 'Avdelning' },
  pages: [
    {
      name: 'p1',
      elements: [
        { type: 'radiogroup', name: 'q', title: 'Where?', choices: [{ value: 'a', text: 'A' }] },
      ],
    },
  ],
}
const counts = (d: Json) =>
  Object.fromEntries(
    translationStatus(d).map((s) => [s.lang, [s.missing.length, s.outdated.length]]),
  )
const keys = (d: Json, lang: string, which: 'missing' | 'outdated') =>
  translationStatus(d)
    .find((s) => s.lang === lang)
    ?.[which].map((e) => e.key)

describe('translation status', () => {
  it('counts missing texts per language: the source (English) and each translation', () => {
    expect(counts(start)).toEqual({ fi: [2, 0], sv: [2, 0], en: [0, 0] })
    expect(keys(start, 'fi', 'missing')).toEqual(['q.title', 'q.choices.a'])
    const emptyChoice = ops.addItem(start, { page: 0, index: 0 }, 'choices')
    expect(keys(emptyChoice, 'en', 'missing')).toEqual(['q.choices.choice1'])
  })

  it('marks a translation outdated when its source text changes, until checked or rewritten', () => {
    let d = ops.setText(start, title, 'q.title', 'fi', 'Missä?')
    expect(d.translatedFrom).toEqual({ 'q.title': { fi: 'Where?' } })
    expect(keys(d, 'fi', 'outdated')).toEqual([])
    d = ops.setText(d, title, 'q.title', 'en', 'Where do you work?')
    expect(keys(d, 'fi', 'outdated')).toEqual(['q.title'])
    expect(keys(d, 'sv', 'outdated')).toEqual([]) // never written: missing, not outdated
    expect(ops.confirmTranslation(d, title, 'q.title', 'fi').translatedFrom).toEqual({
      'q.title': { fi: 'Where do you work?' },
    })
    expect(
      keys(ops.setText(d, title, 'q.title', 'fi', 'Missä työskentelet?'), 'fi', 'outdated'),
    ).toEqual([])
    // Changing the source back makes the old translation right again.
    expect(keys(ops.setText(d, title, 'q.title', 'en', 'Where?'), 'fi', 'outdated')).toEqual([])
  })

  it('takes translations from imported JSON as made from today’s source text', () => {
    const adopted = adoptTranslations(start)
    expect(adopted.translatedFrom).toEqual({ 'survey.title': { fi: 'Ward', sv: 'Ward' } })
    expect(adoptTranslations(adopted)).toBe(adopted)
    const changed = ops.setText(
      adopted,
      { at: 'survey', prop: 'title' },
      'survey.title',
      'en',
      'Unit',
    )
    expect(keys(changed, 'sv', 'outdated')).toEqual(['survey.title'])
  })

  it('lists titles and choice texts always, descriptions only once written', () => {
    expect(listTexts(start).map((e) => e.key)).toEqual(['survey.title', 'q.title', 'q.choices.a'])
    const described = ops.setText(
      start,
      { ...title, prop: 'description' },
      'q.description',
      'sv',
      'Var?',
    )
    expect(keys(described, 'en', 'missing')).toEqual(['q.description'])
  })
})

describe('translations written before their source text', () => {
  it('are not outdated by the source being written, and are tracked once adopted', () => {
    const bare: Json = { pages: [{ name: 'p', elements: [{ type: 'text', name: 'q' }] }] }
    let d = ops.setText(bare, title, 'q.title', 'fi', 'Missä?')
    d = ops.setText(d, title, 'q.title', 'en', 'W')
    d = ops.setText(d, title, 'q.title', 'en', 'Where?')
    expect(keys(d, 'fi', 'outdated')).toEqual([])
    d = adoptTranslations(d)
    expect(keys(ops.setText(d, title, 'q.title', 'en', 'Where now?'), 'fi', 'outdated')).toEqual([
      'q.title',
    ])
  })
})
