import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readDimensions } from '../../server/domain/dimensions'
import { checkDefinition, nextStatus } from '../../server/domain/publishing'

const bundled = JSON.parse(
  readFileSync(new URL('../../surveys/counter-trafficking.json', import.meta.url), 'utf8'),
)
const page = (...elements: object[]) => ({ pages: [{ name: 'p', elements }] })

describe('checking a definition before it is stored', () => {
  it('accepts the bundled questionnaire with sector, region and profession as dimensions', () => {
    const check = checkDefinition(bundled)
    expect(check.ok).toBe(true)
    if (!check.ok) return
    expect(check.dimensions.map((d) => [d.name, d.values.length])).toEqual([
      ['sector', 10],
      ['region', 23],
      ['profession', 8],
    ])
    expect(check.title).toMatch(/trafficking/i)
  })

  it.each([
    ['not an object', [1, 2], /JSON object/],
    ['no questions', { pages: [] }, /no questions/],
    ['an unknown question type', page({ type: 'sparkles', name: 'q' }), /./],
    ['a text question named like a dimension', page({ type: 'text', name: 'region' }), /only single-choice/],
    ['a dimension with free-text other', page({ type: 'radiogroup', name: 'sector', choices: ['a'], showOtherItem: true }), /free-text/],
    ['a dimension with custom choices', page({ type: 'dropdown', name: 'sector', choices: ['a'], allowCustomChoices: true }), /type their own/],
    ['a dimension with lazily loaded choices', page({ type: 'dropdown', name: 'sector', choicesLazyLoadEnabled: true }), /elsewhere/],
    ['a declared dimension that does not exist', { dimensions: ['unit'], ...page({ type: 'text', name: 'q' }) }, /not a question/],
    ['a malformed dimensions list', { dimensions: 'sector', ...page({ type: 'text', name: 'q' }) }, /dimensions/],
  ])('refuses %s with a reason', (_case, definition, reason) => {
    const check = checkDefinition(definition)
    expect(check.ok).toBe(false)
    if (!check.ok) expect(check.errors.join(' ')).toMatch(reason)
  })

  it('lets a definition declare its own dimensions, including booleans', () => {
    const definition = {
      dimensions: ['unit', 'manager'],
      ...page(
        { type: 'dropdown', name: 'unit', choices: ['er', 'icu'], showNoneItem: true },
        { type: 'boolean', name: 'manager' },
        { type: 'radiogroup', name: 'sector', choices: ['x'] },
      ),
    }
    expect(readDimensions(definition)).toEqual({
      dimensions: [
        { name: 'unit', values: ['er', 'icu', 'none'], required: false },
        { name: 'manager', values: ['true', 'false'], required: false },
      ],
      levels: [],
      errors: [],
    })
    expect(checkDefinition(definition).ok).toBe(true)
  })
})

describe('survey status transitions', () => {
  it('publishes drafts and closes open surveys, nothing else', () => {
    expect(nextStatus('draft', 'publish')).toBe('open')
    expect(nextStatus('open', 'close')).toBe('closed')
    expect(nextStatus('open', 'publish')).toBeNull()
    expect(nextStatus('closed', 'publish')).toBeNull()
    expect(nextStatus('closed', 'close')).toBeNull()
    expect(nextStatus('draft', 'close')).toBeNull()
  })
})
