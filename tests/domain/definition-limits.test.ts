import { describe, expect, it } from 'vitest'
import { definitionSizeProblems } from '../../server/domain/definition-limits.js'

// README: "at most 100 pages and at most 1000 questions and panels" (not imported from the code).
const MAX_PAGES = 100
const MAX_ELEMENTS = 1000

const question = (i: number) => ({ type: 'text', name: `q${i}` })
const pages = (count: number) =>
  Array.from({ length: count }, (_, i) => ({ name: `p${i}`, elements: [question(i)] }))

describe('definition size limits', () => {
  it('accept the largest allowed number of pages and refuse one more', () => {
    expect(definitionSizeProblems({ pages: pages(MAX_PAGES) })).toEqual([])
    expect(definitionSizeProblems({ pages: pages(MAX_PAGES + 1) })).toHaveLength(1)
  })

  it('count questions and panels inside panels and dynamic panels', () => {
    const inner = Array.from({ length: MAX_ELEMENTS / 2 }, (_, i) => question(i))
    const panel = { type: 'panel', name: 'panel', elements: inner }
    const dynamic = { type: 'paneldynamic', name: 'dyn', templateElements: inner }
    expect(definitionSizeProblems({ pages: [{ elements: [panel] }] })).toEqual([])
    expect(definitionSizeProblems({ pages: [{ elements: [panel, dynamic] }] })).toHaveLength(1)
  })

  it('count top-level elements of a definition without pages', () => {
    const elements = Array.from({ length: MAX_ELEMENTS + 1 }, (_, i) => question(i))
    expect(definitionSizeProblems({ elements })).toHaveLength(1)
    expect(definitionSizeProblems({ elements: elements.slice(1) })).toEqual([])
  })
})
