import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { makeLabels, sortValues } from '../client/admin/results/labels'

const bundled = JSON.parse(
  readFileSync(new URL('../surveys/counter-trafficking.json', import.meta.url), 'utf8'),
) as Record<string, unknown>

describe('results page labels of a dimension level', () => {
  it('offers the collaborative area right after the region, titled in the page language', () => {
    const groupings = makeLabels(bundled, 'fi').groupings()
    expect(groupings).toEqual([
      { name: 'sector', title: 'Sektori', root: 'sector' },
      { name: 'region', title: 'Hyvinvointialue', root: 'region' },
      { name: 'region.area', title: 'Yhteistyöalue', root: 'region' },
      { name: 'profession', title: 'Ammatti', root: 'profession' },
    ])
    expect(makeLabels(bundled, 'sv').dimensionTitle('region.area')).toBe('Samarbetsområde')
    expect(makeLabels(bundled, 'en').dimensionTitle('region.area')).toBe('Collaborative area')
  })

  it('labels and orders the groups as declared, "not answered" last', () => {
    const labels = makeLabels(bundled, 'sv', 'inget svar')
    const order = labels.order('region.area')
    expect(order).toEqual(['south', 'inland', 'west', 'east', 'north', 'ahvenanmaa'])
    expect(sortValues(['', 'north', 'south', 'ahvenanmaa'], order)).toEqual([
      'south',
      'north',
      'ahvenanmaa',
      '',
    ])
    expect(order.map((g) => labels.choice('region.area', g))).toEqual([
      'Södra Finland',
      'Inre Finland',
      'Västra Finland',
      'Östra Finland',
      'Norra Finland',
      'Åland',
    ])
    expect(labels.choice('region.area', '')).toBe('inget svar')
    expect(makeLabels(bundled, 'en').choice('region.area', 'north')).toBe('Northern Finland')
    // The dimension's own labels are untouched.
    expect(labels.choice('region', 'helsinki')).toBe('Helsingfors')
  })

  it('ignores a level of a question that is not a dimension', () => {
    const definition = { ...bundled, levels: [{ ...(bundled.levels as object[])[0], of: 'sex' }] }
    expect(makeLabels(definition).groupings().map((g) => g.name)).toEqual([
      'sector',
      'region',
      'profession',
    ])
  })
})
