import { describe, expect, it } from 'vitest'
import type { Dimension } from '../../server/domain/suppression/index.js'
import { levelMapper } from '../../server/knowledge/compute.js'

// A respondent's values as the release counted them, from the real dimensions' raw values.
const dimensions: Dimension[] = [
  { name: 'sector', values: ['a', 'b'] },
  { name: 'region', values: ['x', 'y', 'z', ''] }, // optional: '' is "not answered"
  { name: 'region.area', values: ['north', 'south', ''], level: { of: 'region', groups: { north: ['x', 'y'], south: ['z'], '': [''] } } },
]

describe('levelMapper', () => {
  const map = levelMapper(dimensions)
  it.each([
    [['a', 'y'], ['a', 'y', 'north']],
    [['b', 'z'], ['b', 'z', 'south']],
    [['a', ''], ['a', '', '']], // unanswered stays unanswered at the level
    [['a', 'gone'], ['a', '', '']], // a value outside the list counts as not answered
    [['c', 'x'], null], // a required dimension's unknown value: in no table
  ])('%j -> %j', (raw, values) => expect(map(raw)).toEqual(values))

  it('ignores raw values past the real dimensions (the levels are not read from SQL)', () => {
    expect(map(['b', 'x', 'ignored'])).toEqual(['b', 'x', 'north'])
  })
})
