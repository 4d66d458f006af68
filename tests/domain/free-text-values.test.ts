import { describe, expect, it } from 'vitest'
import { buildCodebook } from '../../server/domain/codebook.js'
import { planResponseColumns } from '../../server/exports/formats/response-columns.js'
import { flattenAnswers, type AnswerCell } from '../../server/domain/flatten-answers.js'
import { questionKinds } from '../../server/domain/question-kinds.js'
import { validateAnswers } from '../../server/domain/validate-answers.js'

// Issue 14, finding 1: a value the definition does not list is free text, wherever it comes from.
const form = (...elements: object[]) => ({ elements })
const cell = (question: string, item: string, value: string, number: number | null = null) =>
  ({ question, item, value, number }) satisfies AnswerCell

/** What a submission stores: the validator's cleaned answers, flattened. */
function stored(definition: object, answers: Record<string, unknown>) {
  const outcome = validateAnswers(definition, answers)
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues))
  return flattenAnswers(definition, outcome.answers)
}

const SECRET = 'Dr Virtanen, ward 5'
const URL = 'https://example.org/choices'
const otherAsValue = { showOtherItem: true, storeOthersAsComment: false }

describe('free text never becomes a stored value', () => {
  it('custom choices (allowCustomChoices) are dropped, listed ones kept', () => {
    const def = form(
      { type: 'tagbox', name: 't', choices: ['k'], allowCustomChoices: true },
      { type: 'dropdown', name: 'd', choices: ['a'], allowCustomChoices: true },
    )
    expect(stored(def, { t: ['k', SECRET], d: SECRET })).toEqual([cell('t', 'k', 'k')])
  })

  it('choicesByUrl lists nothing: every value is free text', () => {
    const def = form(
      { type: 'dropdown', name: 'd', choicesByUrl: { url: URL }, choices: ['q'] },
      { type: 'checkbox', name: 'c', choicesByUrl: { url: URL } },
    )
    expect(stored(def, { d: 'q', c: [SECRET] })).toEqual([])
  })

  it('"other" text stored as the value counts as the other item, never as itself', () => {
    const def = form(
      { type: 'radiogroup', name: 'r', choices: ['a'], ...otherAsValue },
      { type: 'checkbox', name: 'c', choices: [1], ...otherAsValue },
    )
    expect(stored(def, { r: SECRET, c: [1, SECRET] })).toEqual([
      cell('r', '', 'other'),
      cell('c', '1', '1', 1),
      cell('c', 'other', 'other'),
    ])
  })

  it('matrix cells: unlisted values and text cells are dropped, inherited choices kept', () => {
    const def = form({
      type: 'matrixdropdown',
      name: 'm',
      choices: [1, 2],
      rows: ['r1'],
      columns: [
        { name: 'c1' },
        { name: 'c2', cellType: 'dropdown', choicesByUrl: { url: URL } },
        { name: 'c3', cellType: 'tagbox', choices: ['z'], allowCustomChoices: true },
        { name: 'c4', cellType: 'text' },
      ],
    })
    const answers = { m: { r1: { c1: 2, c2: SECRET, c3: ['z', SECRET], c4: SECRET } } }
    const cells = [cell('m', 'r1.c1', '2', 2), cell('m', 'r1.c3.z', 'z')]
    expect(stored(def, answers)).toEqual(cells)
  })

  it('unlisted matrix rows and columns are dropped', () => {
    const def = form({ type: 'matrix', name: 'x', rows: ['r'], columns: ['c'] })
    expect(flattenAnswers(def, { x: { r: SECRET, [SECRET]: 'c' } })).toEqual([])
    expect(flattenAnswers(def, { x: { r: 'c' } })).toEqual([cell('x', 'r', 'c')])
  })

  it('multiple text is free text, numeric items too', () => {
    const def = form({
      type: 'multipletext',
      name: 'mt',
      items: [{ name: 'city' }, { name: 'age', inputType: 'number' }],
    })
    expect(stored(def, { mt: { city: SECRET, age: 40 } })).toEqual([])
  })

  it('choices inherited with choicesFromQuestion are listed', () => {
    const def = form(
      { type: 'checkbox', name: 'a', choices: ['x', 'y'] },
      { type: 'dropdown', name: 'b', choicesFromQuestion: 'a', choicesFromQuestionMode: 'all' },
      { type: 'ranking', name: 'k', choicesFromQuestion: 'a' },
    )
    expect(stored(def, { a: ['x', 'y'], b: 'x', k: ['y', 'x'] })).toEqual([
      cell('a', 'x', 'x'),
      cell('a', 'y', 'y'),
      cell('b', '', 'x'),
      cell('k', 'y', '1', 1),
      cell('k', 'x', '2', 2),
    ])
  })

  it('a text result of an expression is dropped; numbers and booleans stay', () => {
    const columns = [{ name: 'e', cellType: 'expression' }]
    const def = form({ type: 'matrixdynamic', name: 'md', rowCount: 1, columns })
    expect(flattenAnswers(def, { md: [{ e: SECRET }] })).toEqual([])
    expect(flattenAnswers(def, { md: [{ e: 3 }] })).toEqual([cell('md', '0.e', '3', 3)])
  })
})

describe('results and codebook treat them as free text', () => {
  const def = form(
    { type: 'multipletext', name: 'mt', items: [{ name: 'city' }] },
    { type: 'dropdown', name: 'url', choicesByUrl: { url: URL } },
    { type: 'dropdown', name: 'custom', choices: ['a'], allowCustomChoices: true },
  )

  it('multiple text and choicesByUrl questions are not summarised as choices', () => {
    expect([...questionKinds(def)]).toEqual([['custom', 'choice']])
  })

  it('the codebook says free text', () => {
    const summaries = buildCodebook(def).entries.map((e) => [e.name, e.summary])
    expect(summaries).toEqual([
      ['mt', 'free text'],
      ['url', 'free text'],
      ['custom', 'choice'],
    ])
  })
})

describe('the codebook lists inherited choices', () => {
  it('takes choicesFromQuestion values from the source question', () => {
    const def = form(
      { type: 'checkbox', name: 'a', choices: ['x', 'y'] },
      { type: 'checkbox', name: 'b', choicesFromQuestion: 'a', showNoneItem: true },
    )
    const b = buildCodebook(def).entries.find((e) => e.name === 'b')!
    expect(b.values.map((v) => v.value)).toEqual(['x', 'y', 'none'])
  })
})

describe('the response-level file', () => {
  it('names columns after listed values only, whatever the stored rows hold', () => {
    const def = form({ type: 'checkbox', name: 'c', choices: ['a'], allowCustomChoices: true })
    const answered = [
      { question: 'c', item: 'a' },
      { question: 'c', item: SECRET }, // a row stored before free text was dropped
    ]
    const layout = planResponseColumns(buildCodebook(def), answered)
    expect(layout.columns.map((c) => c.name)).toEqual(['c.a'])
  })
})

describe('numeric inputs', () => {
  it('keep numbers; text in them is never a value', () => {
    const def = form(
      { type: 'text', name: 'n', inputType: 'number' },
      { type: 'slider', name: 's' },
    )
    expect(flattenAnswers(def, { n: SECRET, s: SECRET })).toEqual([])
    const cells = [cell('n', '', '12', 12), cell('s', '', '3', 3)]
    expect(flattenAnswers(def, { n: '12', s: 3 })).toEqual(cells)
  })
})
