import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { groupOf, levelsChange, readLevels } from '../../server/domain/dimension-levels'
import { dimensionsChange, readDimensions } from '../../server/domain/dimensions'

const region = { name: 'region', values: ['a', 'b', 'c', 'd'], required: true }
const area = (groups: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  name: 'area',
  of: 'region',
  title: { default: 'Area', fi: 'Alue' },
  groups: Object.entries(groups).map(([value, members]) => ({ value, text: value, members })),
  ...extra,
})

describe('levels declared by a definition', () => {
  it('reads a level that groups every value exactly once', () => {
    const { levels, errors } = readLevels([area({ n: ['a', 'b'], s: ['c', 'd'] })], [region])
    expect(errors).toEqual([])
    expect(levels).toHaveLength(1)
    expect(levels[0].name).toBe('region.area')
    expect(Object.fromEntries(groupOf(levels[0]))).toEqual({ a: 'n', b: 'n', c: 's', d: 's' })
  })

  it.each([
    ['a missing value', [area({ n: ['a', 'b'], s: ['c'] })], /missing: d/],
    ['a value in two groups', [area({ n: ['a', 'b'], s: ['b', 'c', 'd'] })], /two groups/],
    ['an unknown value', [area({ n: ['a', 'b', 'x'], s: ['c', 'd'] })], /"x" is not a value/],
    ['one group', [area({ n: ['a', 'b', 'c', 'd'] })], /at least two/],
    ['a group twice', [{ ...area({ n: ['a', 'b'] }), groups: [{ value: 'n', members: ['a', 'b'] }, { value: 'n', members: ['c', 'd'] }] }], /declared twice/],
    ['a dimension that is not one', [area({ n: ['a'], s: ['b'] }, { of: 'sector' })], /dimensions in "of"/],
    ['a name with a dot', [area({ n: ['a', 'b'], s: ['c', 'd'] }, { name: 'a.b' })], /lower-case/],
    ['a level twice', [area({ n: ['a', 'b'], s: ['c', 'd'] }), area({ x: ['a', 'b'], y: ['c', 'd'] })], /declared twice/],
    ['not a list', { area: {} }, /must be a list/],
    ['a title that is not text', [area({ n: ['a', 'b'], s: ['c', 'd'] }, { title: 3 })], /must be text/],
  ])('refuses %s', (_, declared, message) => {
    const { levels, errors } = readLevels(declared, [region])
    expect(errors.join('\n')).toMatch(message)
    expect(levels.map((l) => l.name)).not.toContain('region.area.x')
  })

  it('accepts any partition of the values into two or more groups, and no other', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 4, maxLength: 4 }),
        fc.boolean(),
        (assignment, dropOne) => {
          const groups: Record<string, string[]> = {}
          region.values.forEach((v, i) => {
            if (dropOne && i === 0) return
            ;(groups[`g${assignment[i]}`] ??= []).push(v)
          })
          const { errors } = readLevels([area(groups)], [region])
          const valid = !dropOne && Object.keys(groups).length >= 2
          expect(errors.length === 0).toBe(valid)
        },
      ),
    )
  })

  it('are part of what readDimensions reports for a definition', () => {
    const definition = {
      pages: [
        {
          elements: [
            { type: 'radiogroup', name: 'region', isRequired: true, choices: ['a', 'b', 'c', 'd'] },
          ],
        },
      ],
      dimensions: ['region'],
      levels: [area({ n: ['a', 'b'], s: ['c', 'd'] })],
    }
    const report = readDimensions(definition)
    expect(report.errors).toEqual([])
    expect(report.levels.map((l) => l.name)).toEqual(['region.area'])
    const broken = readDimensions({ ...definition, levels: [area({ n: ['a'], s: ['b'] })] })
    expect(broken.errors.join()).toMatch(/missing: c, d/)
  })
})

describe('a new version keeps its levels\' groups', () => {
  const [before] = readLevels([area({ n: ['a', 'b'], s: ['c', 'd'] })], [region]).levels
  const withE = { ...region, values: [...region.values, 'e'] }

  it('refuses a member moved to another group', () => {
    const [moved] = readLevels([area({ n: ['a'], s: ['b', 'c', 'd'] })], [region]).levels
    expect(levelsChange([before], [moved])).toMatch(/"b" must stay in group "n"/)
  })

  it('accepts a new value in any group, a new group, a new level and a dropped level', () => {
    const [grown] = readLevels([area({ n: ['a', 'b'], s: ['c', 'd'], e: ['e'] })], [withE]).levels
    expect(levelsChange([before], [grown])).toBeUndefined()
    expect(levelsChange([], [before])).toBeUndefined()
    expect(levelsChange([before], [])).toBeUndefined()
  })

  it('is checked when a definition becomes a new version', () => {
    const definition = (groups: Record<string, string[]>) => ({
      pages: [{ elements: [{ type: 'radiogroup', name: 'region', choices: ['a', 'b', 'c', 'd'] }] }],
      dimensions: ['region'],
      levels: [area(groups)],
    })
    const current = definition({ n: ['a', 'b'], s: ['c', 'd'] })
    expect(dimensionsChange(current, definition({ n: ['a', 'b'], s: ['c', 'd'] }))).toBeUndefined()
    expect(dimensionsChange(current, definition({ n: ['a', 'c'], s: ['b', 'd'] }))).toMatch(/must stay/)
  })
})
