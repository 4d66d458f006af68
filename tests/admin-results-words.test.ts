import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { makeLabels } from '../client/admin/results/labels'

const bundled = JSON.parse(
  readFileSync(new URL('../surveys/counter-trafficking.json', import.meta.url), 'utf8'),
) as Record<string, unknown>

const choice = (name: string, extra: Record<string, unknown> = {}) => ({
  type: 'radiogroup',
  name,
  title: `Which ${name}?`,
  choices: ['a', 'b'],
  ...extra,
})

describe('results page words in the admin language', () => {
  it('names the usual dimensions in each language, English as before', () => {
    const titles = (locale: string) =>
      makeLabels(bundled, locale)
        .groupings()
        .map((g) => g.title)
    expect(titles('en')).toEqual(['Sector', 'Region', 'Collaborative area', 'Profession'])
    expect(titles('sv')).toEqual(['Sektor', 'Välfärdsområde', 'Samarbetsområde', 'Yrke'])
  })

  it("prefers the question's own shortTitle, in the page language, over the usual name", () => {
    const definition = {
      dimensions: ['sector', 'unit'],
      elements: [
        choice('sector', { shortTitle: { default: 'Field', fi: 'Ala' } }),
        { type: 'panel', name: 'p', elements: [choice('unit')] },
      ],
    }
    expect(makeLabels(definition, 'fi').dimensionTitle('sector')).toBe('Ala')
    expect(makeLabels(definition, 'sv').dimensionTitle('sector')).toBe('Field')
    // No shortTitle and no usual name: the question's name, as before.
    expect(makeLabels(definition, 'fi').dimensionTitle('unit')).toBe('Unit')
  })

  it('points a grouping shown with sizes only to the table crossing it with the first', () => {
    const fi = makeLabels(bundled, 'fi')
    expect(fi.figuresIn('region.area')).toBe('Sektori × Yhteistyöalue')
    expect(fi.figuresIn('region')).toBe('Sektori × Hyvinvointialue')
    // The first dimension has figures itself; the third has them nowhere.
    expect(fi.figuresIn('sector')).toBeUndefined()
    expect(fi.figuresIn('profession')).toBeUndefined()
  })

  it('says yes and no in the page language when a yes/no question has no labels of its own', () => {
    const definition = {
      elements: [
        { type: 'boolean', name: 'plain' },
        { type: 'boolean', name: 'own', labelTrue: { default: 'Sure', fi: 'Toki' } },
      ],
    }
    const fi = makeLabels(definition, 'fi')
    expect([fi.choice('plain', 'true'), fi.choice('plain', 'false')]).toEqual(['Kyllä', 'Ei'])
    expect(fi.choice('own', 'true')).toBe('Toki')
    expect(makeLabels(definition, 'sv').choice('plain', 'false')).toBe('Nej')
    expect(makeLabels(definition, 'en').choice('plain', 'true')).toBe('Yes')
  })
})
