import { describe, expect, it } from 'vitest'
import { validateAnswers, type AnswerIssue } from '../../server/domain/validate-answers'
import { PDF_DATA_URL, PNG_DATA_URL } from './fixtures/conformance-answers'

const form = (...elements: object[]) => ({ elements })

function result(definition: object, answers: unknown) {
  return validateAnswers(definition, answers)
}

/** Cleaned answers of an accepted submission (fails the test with the issues otherwise). */
function accepted(definition: object, answers: unknown): Record<string, unknown> {
  const outcome = result(definition, answers)
  if (!outcome.ok) throw new Error(`expected ok, got ${JSON.stringify(outcome.issues)}`)
  return outcome.answers
}

function issues(definition: object, answers: unknown): AnswerIssue[] {
  const outcome = result(definition, answers)
  if (outcome.ok) throw new Error(`expected issues, got ${JSON.stringify(outcome.answers)}`)
  return outcome.issues
}

/** `question:code` pairs, the compact form most assertions use. */
const codes = (definition: object, answers: unknown) =>
  issues(definition, answers).map((issue) => `${issue.question}:${issue.code}`)

describe('the answers object', () => {
  const def = form({ type: 'text', name: 'q' })

  it.each([null, [], 'text', 42, true, undefined])('rejects %j as not an object', (value) => {
    expect(codes(def, value)).toEqual([':not_an_object'])
  })

  it('accepts an empty object and stores nothing', () => {
    expect(accepted(def, {})).toEqual({})
  })

  it('rejects unknown keys, prototype keys included', () => {
    const answers = JSON.parse(
      '{"q":"x","nope":1,"__proto__":{"a":1},"constructor":2,"toString":3}',
    )
    expect(codes(def, answers)).toEqual([
      'nope:unknown_question',
      '__proto__:unknown_question',
      'constructor:unknown_question',
      'toString:unknown_question',
    ])
  })

  it('rejects answers for html and image elements', () => {
    const withContent = form(
      { type: 'html', name: 'intro', html: '<p>Hi</p>' },
      { type: 'image', name: 'logo', imageLink: 'https://example.com/a.png' },
    )
    expect(codes(withContent, { intro: 'x', logo: 'y' })).toEqual([
      'intro:unknown_question',
      'logo:unknown_question',
    ])
  })

  it('finds questions nested in panels and honours valueName', () => {
    const def2 = form({
      type: 'panel',
      name: 'p',
      elements: [{ type: 'text', name: 'inner', valueName: 'stored' }],
    })
    expect(accepted(def2, { stored: 'x' })).toEqual({ stored: 'x' })
    expect(codes(def2, { inner: 'x' })).toEqual(['inner:unknown_question'])
  })

  it('treats null, empty and whitespace answers as unanswered', () => {
    const def2 = form({ type: 'text', name: 'a' }, { type: 'checkbox', name: 'b', choices: [1] })
    expect(accepted(def2, { a: '  ', b: [] })).toEqual({})
    expect(accepted(def2, { a: null, b: null })).toEqual({})
  })

  it('never throws for a broken definition', () => {
    const outcome = validateAnswers(null as unknown as object, {})
    expect(outcome.ok).toBe(true)
    expect(validateAnswers({ pages: 'nonsense' }, { q: 1 }).ok).toBe(false)
  })

  it('names every problem in one go: shape, choice and required issues together', () => {
    const def2 = form(
      { type: 'dropdown', name: 'sector', choices: ['a', 'b'], isRequired: true },
      { type: 'radiogroup', name: 'known', choices: ['yes', 'no'], isRequired: true },
      { type: 'rating', name: 'stars' },
      { type: 'text', name: 'note', isRequired: true },
    )
    expect(codes(def2, { sector: 'z', stars: 9, note: ['x'], extra: 1 })).toEqual([
      'note:invalid_type',
      'extra:unknown_question',
      'sector:invalid_choice',
      'stars:invalid_choice',
      'known:required',
    ])
  })

  it('caps the number of reported issues', () => {
    const many = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`k${i}`, i]))
    const reported = issues(def, many)
    expect(reported).toHaveLength(101)
    expect(reported[100]).toMatchObject({ question: '', code: 'too_many_issues' })
  })
})

describe('comment keys', () => {
  const def = form(
    { type: 'radiogroup', name: 'r', choices: ['a', 'b'], showOtherItem: true },
    { type: 'rating', name: 't', showCommentArea: true },
    { type: 'text', name: 'plain' },
  )

  it('accepts <name>-Comment for other items and comment areas', () => {
    const answers = { r: 'other', 'r-Comment': 'c', t: 3, 't-Comment': 'note' }
    expect(accepted(def, answers)).toEqual(answers)
  })

  it('drops the other text when other is not selected (as SurveyJS does on completion)', () => {
    expect(accepted(def, { r: 'a', 'r-Comment': 'left over' })).toEqual({ r: 'a' })
  })

  it('requires the other text when other is selected', () => {
    expect(codes(def, { r: 'other' })).toEqual(['r:required'])
  })

  it('rejects comment keys of questions without comments, and non-string comments', () => {
    expect(codes(def, { 'plain-Comment': 'x', 't-Comment': 5 })).toEqual([
      'plain-Comment:unknown_question',
      't-Comment:invalid_type',
    ])
  })
})

describe('text', () => {
  it('accepts strings and rejects other JSON kinds', () => {
    const def = form({ type: 'text', name: 'q' })
    expect(accepted(def, { q: 'hello' })).toEqual({ q: 'hello' })
    expect(codes(def, { q: 5 })).toEqual(['q:invalid_type'])
    expect(codes(def, { q: ['a'] })).toEqual(['q:invalid_type'])
    expect(codes(def, { q: { a: 1 } })).toEqual(['q:invalid_type'])
  })

  it('caps length by maxLength, else by maxTextLength (default 5000)', () => {
    const def = form(
      { type: 'text', name: 'short', maxLength: 3 },
      { type: 'comment', name: 'long' },
    )
    expect(codes(def, { short: 'abcd' })).toEqual(['short:too_long'])
    expect(accepted(def, { long: 'x'.repeat(5000) })).toEqual({ long: 'x'.repeat(5000) })
    expect(codes(def, { long: 'x'.repeat(5001) })).toEqual(['long:too_long'])
    expect(validateAnswers(def, { long: 'x'.repeat(11) }, { maxTextLength: 10 }).ok).toBe(false)
  })

  it('stores numbers for numeric inputs, accepting numeric strings, within min/max', () => {
    const def = form({ type: 'text', name: 'n', inputType: 'number', min: 0, max: 10 })
    expect(accepted(def, { n: 7 })).toEqual({ n: 7 })
    expect(accepted(def, { n: '2.5' })).toEqual({ n: 2.5 })
    expect(codes(def, { n: 'seven' })).toEqual(['n:invalid_number'])
    expect(codes(def, { n: 11 })).toEqual(['n:out_of_range'])
    expect(codes(def, { n: -1 })).toEqual(['n:out_of_range'])
  })

  it.each([
    ['date', '2024-02-29', '2023-02-29'],
    ['datetime-local', '2024-05-31T14:30', '2024-05-31 25:00'],
    ['time', '23:59:59', '24:00'],
    ['month', '2024-12', '2024-13'],
    ['week', '2024-W52', '2024-W60'],
  ])('checks the %s format', (inputType, good, bad) => {
    const def = form({ type: 'text', name: 'd', inputType })
    expect(accepted(def, { d: good })).toEqual({ d: good })
    expect(codes(def, { d: bad })).toEqual(['d:invalid_date'])
  })

  it('checks date bounds', () => {
    const def = form({
      type: 'text',
      name: 'd',
      inputType: 'date',
      min: '2020-01-01',
      max: '2020-12-31',
    })
    expect(codes(def, { d: '2019-12-31' })).toEqual(['d:out_of_range'])
    expect(accepted(def, { d: '2020-06-01' })).toEqual({ d: '2020-06-01' })
  })

  it('checks e-mail, URL and colour inputs', () => {
    const def = form(
      { type: 'text', name: 'e', inputType: 'email' },
      { type: 'text', name: 'u', inputType: 'url' },
      { type: 'text', name: 'c', inputType: 'color' },
    )
    expect(
      accepted(def, { e: 'a.b@example.fi', u: 'https://x.fi/p?q=1', c: '#a0b1c2' }),
    ).toBeTruthy()
    expect(codes(def, { e: 'not-an-email', u: 'not a url', c: 'red' })).toEqual([
      'e:invalid_email',
      'u:invalid_url',
      'c:invalid_format',
    ])
  })
})

describe('single choice', () => {
  const def = form({
    type: 'radiogroup',
    name: 'r',
    choices: [1, 2, 'three'],
    showOtherItem: true,
    showNoneItem: true,
  })

  it('accepts listed, other and none values', () => {
    expect(accepted(def, { r: 2 })).toEqual({ r: 2 })
    expect(accepted(def, { r: 'none' })).toEqual({ r: 'none' })
    expect(accepted(def, { r: 'other', 'r-Comment': 'x' })).toEqual({
      r: 'other',
      'r-Comment': 'x',
    })
  })

  it('stores the canonical value when a number is spelled as a string', () => {
    expect(accepted(def, { r: '1' })).toEqual({ r: 1 })
  })

  it('rejects unlisted values, differently cased values and objects', () => {
    expect(codes(def, { r: 4 })).toEqual(['r:invalid_choice'])
    expect(codes(def, { r: 'THREE' })).toEqual(['r:invalid_choice'])
    expect(codes(def, { r: [1] })).toEqual(['r:invalid_type'])
    expect(codes(def, { r: { x: 1 } })).toEqual(['r:invalid_shape'])
  })

  it('works for dropdown (choicesMin/Max), buttongroup and single imagepicker', () => {
    const def2 = form(
      { type: 'dropdown', name: 'd', choicesMin: 1, choicesMax: 5 },
      { type: 'buttongroup', name: 'b', choices: ['s', 'm'] },
      {
        type: 'imagepicker',
        name: 'i',
        choices: [{ value: 'cat', imageLink: 'https://x/cat.png' }],
      },
    )
    expect(accepted(def2, { d: 3, b: 'm', i: 'cat' })).toEqual({ d: 3, b: 'm', i: 'cat' })
    expect(codes(def2, { d: 6, b: 'xl', i: 'dog' })).toEqual([
      'd:invalid_choice',
      'b:invalid_choice',
      'i:invalid_choice',
    ])
  })

  it('respects choicesVisibleIf for the current answers', () => {
    const def2 = form(
      { type: 'boolean', name: 'adult' },
      {
        type: 'radiogroup',
        name: 'r',
        choices: ['a', { value: 'beer', visibleIf: '{adult} = true' }],
      },
    )
    expect(accepted(def2, { adult: true, r: 'beer' })).toEqual({ adult: true, r: 'beer' })
    expect(codes(def2, { adult: false, r: 'beer' })).toEqual(['r:invalid_choice'])
  })

  it('accepts the SurveyJS 3 { value, comment } form for choices with a comment area', () => {
    const def2 = form({
      type: 'radiogroup',
      name: 'r',
      choices: [1, { value: 2, showCommentArea: true }],
    })
    expect(accepted(def2, { r: { value: 2, comment: 'why' } })).toEqual({
      r: { value: 2, comment: 'why' },
    })
    expect(codes(def2, { r: { value: 1, comment: 'why' } })).toEqual(['r.comment:invalid_shape'])
  })
})

describe('multiple choice', () => {
  const def = form({
    type: 'checkbox',
    name: 'c',
    choices: ['a', 'b', 'c', 'd'],
    showNoneItem: true,
    showOtherItem: true,
    showSelectAllItem: true,
    maxSelectedChoices: 3,
  })

  it('accepts arrays of unique listed values', () => {
    expect(accepted(def, { c: ['a', 'c'] })).toEqual({ c: ['a', 'c'] })
    expect(accepted(def, { c: ['none'] })).toEqual({ c: ['none'] })
  })

  it('rejects non-arrays, duplicates, unlisted values and the select-all marker', () => {
    expect(codes(def, { c: 'a' })).toEqual(['c:invalid_type'])
    expect(codes(def, { c: ['a', 'a'] })).toEqual(['c[1]:invalid_shape'])
    expect(codes(def, { c: ['a', 'z'] })).toEqual(['c[1]:invalid_choice'])
    expect(codes(def, { c: ['a', ''] })).toEqual(['c[1]:invalid_choice'])
  })

  it('keeps "none" exclusive and enforces the selection count', () => {
    expect(codes(def, { c: ['a', 'none'] })).toEqual(['c:invalid_choice'])
    expect(codes(def, { c: ['a', 'b', 'c', 'd'] })).toEqual(['c:out_of_range'])
    const min = form({ type: 'tagbox', name: 't', choices: [1, 2, 3], minSelectedChoices: 2 })
    expect(codes(min, { t: [1] })).toEqual(['t:out_of_range'])
    expect(accepted(min, { t: [3, 1] })).toEqual({ t: [3, 1] })
  })

  it('takes choices from another question (choicesFromQuestion)', () => {
    const def2 = form(
      { type: 'checkbox', name: 'cars', choices: ['Ford', 'Audi', 'BMW'] },
      {
        type: 'radiogroup',
        name: 'best',
        choicesFromQuestion: 'cars',
        choicesFromQuestionMode: 'selected',
      },
    )
    expect(accepted(def2, { cars: ['Ford', 'BMW'], best: 'BMW' })).toEqual({
      cars: ['Ford', 'BMW'],
      best: 'BMW',
    })
    expect(codes(def2, { cars: ['Ford', 'BMW'], best: 'Audi' })).toEqual(['best:invalid_choice'])
  })

  it('accepts multi-select imagepicker', () => {
    const def2 = form({ type: 'imagepicker', name: 'i', multiSelect: true, choices: ['x', 'y'] })
    expect(accepted(def2, { i: ['y', 'x'] })).toEqual({ i: ['y', 'x'] })
  })
})

describe('boolean, rating, ranking, slider', () => {
  it('boolean: true/false, or valueTrue/valueFalse', () => {
    const def = form(
      { type: 'boolean', name: 'b' },
      { type: 'boolean', name: 'y', valueTrue: 'yes', valueFalse: 'no' },
    )
    expect(accepted(def, { b: false, y: 'yes' })).toEqual({ b: false, y: 'yes' })
    expect(codes(def, { b: 'true', y: true })).toEqual(['b:invalid_type', 'y:invalid_choice'])
  })

  it('rating: rateMin..rateMax by rateStep, or rateValues (numbers or objects)', () => {
    const def = form(
      { type: 'rating', name: 'r', rateMin: 0, rateMax: 10, rateStep: 2 },
      {
        type: 'rating',
        name: 'v',
        rateValues: [
          { value: 'lo', text: 'Low' },
          { value: 'hi', text: 'High' },
        ],
      },
    )
    expect(accepted(def, { r: 4, v: 'hi' })).toEqual({ r: 4, v: 'hi' })
    expect(accepted(def, { r: '6' })).toEqual({ r: 6 })
    expect(codes(def, { r: 5, v: 'mid' })).toEqual(['r:invalid_choice', 'v:invalid_choice'])
  })

  it('ranking: a permutation of the choices, or a subset with selectToRankEnabled', () => {
    const def = form(
      { type: 'ranking', name: 'all', choices: ['a', 'b', 'c'] },
      { type: 'ranking', name: 'some', choices: ['a', 'b', 'c'], selectToRankEnabled: true },
    )
    expect(accepted(def, { all: ['c', 'a', 'b'], some: ['b'] })).toEqual({
      all: ['c', 'a', 'b'],
      some: ['b'],
    })
    expect(codes(def, { all: ['c', 'a'] })).toEqual(['all:invalid_shape'])
    expect(codes(def, { all: ['c', 'a', 'x'] })).toEqual(['all[2]:invalid_choice'])
    expect(codes(def, { all: ['a', 'a', 'b'] })).toEqual(['all[1]:invalid_shape'])
  })

  it('slider: a number on the step grid, or [from, to] in range mode', () => {
    const def = form(
      { type: 'slider', name: 's', min: 0, max: 100, step: 5 },
      {
        type: 'slider',
        name: 'r',
        sliderType: 'range',
        min: 0,
        max: 10,
        maxRangeLength: 5,
        allowSwap: false,
      },
    )
    expect(accepted(def, { s: 35, r: [2, 6] })).toEqual({ s: 35, r: [2, 6] })
    expect(codes(def, { s: 101 })).toEqual(['s:out_of_range'])
    expect(codes(def, { s: 33 })).toEqual(['s:out_of_range'])
    expect(codes(def, { s: 'x' })).toEqual(['s:invalid_number'])
    expect(codes(def, { r: [6, 2] })).toEqual(['r:out_of_range'])
    expect(codes(def, { r: [0, 9] })).toEqual(['r:out_of_range'])
    expect(codes(def, { r: 3 })).toEqual(['r:invalid_type'])
  })
})

describe('matrices and containers', () => {
  it('matrix: row → column, listed rows and columns only, eachRowRequired', () => {
    const def = form({
      type: 'matrix',
      name: 'm',
      rows: ['r1', 'r2'],
      columns: [1, 2, 3],
      isAllRowRequired: true,
    })
    expect(accepted(def, { m: { r1: 1, r2: '3' } })).toEqual({ m: { r1: 1, r2: 3 } })
    expect(codes(def, { m: { r1: 1, r3: 2 } })).toEqual(['m.r3:unknown_question'])
    expect(codes(def, { m: { r1: 4, r2: 1 } })).toEqual(['m.r1:invalid_choice'])
    expect(codes(def, { m: ['r1'] })).toEqual(['m:invalid_type'])
    expect(codes(def, { m: { r1: 1 } })).toEqual(['m:required'])
  })

  it('matrixdropdown: cells checked by their column cell type', () => {
    const def = form({
      type: 'matrixdropdown',
      name: 'md',
      rows: ['a', 'b'],
      columns: [
        { name: 'pick', cellType: 'dropdown', choices: ['x', 'y'] },
        { name: 'many', cellType: 'checkbox', choices: [1, 2, 3] },
        { name: 'num', cellType: 'text', inputType: 'number', max: 9 },
        { name: 'note', cellType: 'comment', maxLength: 5 },
      ],
    })
    const good = { md: { a: { pick: 'x', many: [1, 3], num: 4 }, b: { note: 'ok' } } }
    expect(accepted(def, good)).toEqual(good)
    expect(codes(def, { md: { a: { pick: 'z', many: [4], num: 10 } } })).toEqual([
      'md.a.pick:invalid_choice',
      'md.a.many[0]:invalid_choice',
      'md.a.num:out_of_range',
    ])
    expect(codes(def, { md: { a: { nope: 1 }, b: { note: 'too long' } } })).toEqual([
      'md.a.nope:unknown_question',
    ])
    expect(codes(def, { md: { b: { note: 'too long' } } })).toEqual(['md.b.note:too_long'])
  })

  it('matrixdynamic: an array of rows within maxRowCount, required cells', () => {
    const def = form({
      type: 'matrixdynamic',
      name: 'md',
      maxRowCount: 2,
      columns: [
        { name: 'who', cellType: 'text', isRequired: true },
        { name: 'age', cellType: 'text', inputType: 'number' },
      ],
    })
    expect(accepted(def, { md: [{ who: 'a', age: 3 }, { who: 'b' }] })).toEqual({
      md: [{ who: 'a', age: 3 }, { who: 'b' }],
    })
    expect(codes(def, { md: [{ who: 'a' }, { who: 'b' }, { who: 'c' }] })).toEqual([
      'md:invalid_shape',
    ])
    expect(codes(def, { md: { who: 'a' } })).toEqual(['md:invalid_type'])
    expect(codes(def, { md: [{ who: 'a' }, { age: 3 }] })).toEqual(['md[1].who:required'])
  })

  it('multipletext: item answers by item input type', () => {
    const def = form({
      type: 'multipletext',
      name: 'mt',
      items: [{ name: 'city' }, { name: 'n', inputType: 'number' }],
    })
    expect(accepted(def, { mt: { city: 'Oulu', n: '3' } })).toEqual({ mt: { city: 'Oulu', n: 3 } })
    expect(codes(def, { mt: { town: 'x' } })).toEqual(['mt.town:unknown_question'])
    expect(codes(def, { mt: { n: 'three' } })).toEqual(['mt.n:invalid_number'])
  })

  it('paneldynamic: panels checked against the template, hidden panel questions dropped', () => {
    const def = form({
      type: 'paneldynamic',
      name: 'kids',
      maxPanelCount: 3,
      templateElements: [
        { type: 'radiogroup', name: 'has', choices: ['yes', 'no'] },
        {
          type: 'text',
          name: 'age',
          inputType: 'number',
          visibleIf: "{panel.has} = 'yes'",
          isRequired: true,
        },
      ],
    })
    expect(
      accepted(def, {
        kids: [
          { has: 'yes', age: 4 },
          { has: 'no', age: 9 },
        ],
      }),
    ).toEqual({
      kids: [{ has: 'yes', age: 4 }, { has: 'no' }],
    })
    expect(codes(def, { kids: [{ has: 'maybe' }] })).toEqual(['kids[0].has:invalid_choice'])
    expect(codes(def, { kids: [{ has: 'yes' }] })).toEqual(['kids[0].age:required'])
    expect(codes(def, { kids: [{}, {}, {}, {}] })).toEqual(['kids:invalid_shape'])
    expect(codes(def, { kids: [{ other: 1 }] })).toEqual(['kids[0].other:unknown_question'])
  })
})

describe('files, signatures and expressions', () => {
  it('file: an array of { name, type, content } data URLs within maxSize and count', () => {
    const def = form(
      { type: 'file', name: 'one', maxSize: 20 },
      { type: 'file', name: 'many', allowMultiple: true, acceptedTypes: '.pdf' },
    )
    const pdf = { name: 'a.pdf', type: 'application/pdf', content: PDF_DATA_URL }
    expect(accepted(def, { one: [pdf], many: [pdf, pdf] })).toEqual({
      one: [pdf],
      many: [pdf, pdf],
    })
    expect(codes(def, { one: [pdf, pdf] })).toEqual(['one:invalid_shape'])
    expect(codes(def, { one: [{ ...pdf, content: 'hello' }] })).toEqual([
      'one[0].content:invalid_format',
    ])
    expect(
      codes(def, { one: [{ ...pdf, content: `data:text/plain;base64,${'QUJD'.repeat(8)}` }] }),
    ).toEqual(['one[0].content:out_of_range'])
    expect(codes(def, { many: [{ ...pdf, name: 'a.exe' }] })).toEqual(['many[0]:invalid_format'])
    expect(codes(def, { one: pdf })).toEqual(['one:invalid_type'])
  })

  it('signaturepad: an image data URL', () => {
    const def = form({ type: 'signaturepad', name: 's' })
    expect(accepted(def, { s: PNG_DATA_URL })).toEqual({ s: PNG_DATA_URL })
    expect(codes(def, { s: 'data:text/html,<b>x</b>' })).toEqual(['s:invalid_format'])
    expect(codes(def, { s: 7 })).toEqual(['s:invalid_type'])
  })

  it('expressions and calculated values: client values ignored, survey-core values stored', () => {
    const def = {
      calculatedValues: [
        { name: 'kept', expression: '{a} + 1', includeIntoResult: true },
        { name: 'internal', expression: '{a} + 2' },
      ],
      elements: [
        { type: 'text', name: 'a', inputType: 'number' },
        { type: 'expression', name: 'twice', expression: '{a} * 2' },
      ],
    }
    expect(accepted(def, { a: 5, twice: 'forged', kept: 'forged' })).toEqual({
      a: 5,
      twice: 10,
      kept: 6,
    })
    expect(codes(def, { a: 5, internal: 7 })).toEqual(['internal:unknown_question'])
  })
})

describe('logic', () => {
  const def = {
    pages: [
      {
        elements: [
          { type: 'radiogroup', name: 'smoker', choices: ['yes', 'no'], isRequired: true },
          {
            type: 'text',
            name: 'perDay',
            inputType: 'number',
            visibleIf: "{smoker} = 'yes'",
            isRequired: true,
          },
          { type: 'radiogroup', name: 'quit', choices: ['yes', 'no'], visibleIf: '{perDay} > 10' },
          { type: 'comment', name: 'why', visibleIf: "{quit} = 'no'" },
        ],
      },
      {
        visibleIf: "{smoker} = 'no'",
        elements: [{ type: 'text', name: 'never', isRequired: true }],
      },
      {
        elements: [
          {
            type: 'panel',
            name: 'extra',
            visibleIf: "{smoker} = 'yes'",
            elements: [{ type: 'text', name: 'brand' }],
          },
        ],
      },
    ],
  }

  it('keeps answers of visible questions', () => {
    const answers = { smoker: 'yes', perDay: 20, quit: 'no', why: 'Stress', brand: 'X' }
    expect(accepted(def, answers)).toEqual(answers)
  })

  it('drops hidden answers, including ones hidden by a dropped answer (cascade)', () => {
    const answers = { smoker: 'no', never: 'ok', perDay: 20, quit: 'no', why: 'Stress', brand: 'X' }
    expect(accepted(def, answers)).toEqual({ smoker: 'no', never: 'ok' })
  })

  it('requires visible required questions only (page visibleIf included)', () => {
    expect(codes(def, { smoker: 'yes' })).toEqual(['perDay:required'])
    expect(codes(def, { smoker: 'no' })).toEqual(['never:required'])
    expect(codes(def, {})).toEqual(['smoker:required'])
  })

  it('does not check choices of answers that get dropped', () => {
    expect(accepted(def, { smoker: 'no', never: 'x', quit: 'not a choice' })).toEqual({
      smoker: 'no',
      never: 'x',
    })
  })

  it('still rejects malformed answers of hidden questions', () => {
    expect(codes(def, { smoker: 'no', never: 'x', quit: ['yes'] })).toEqual(['quit:invalid_type'])
  })

  it('applies requiredIf', () => {
    const def2 = form(
      { type: 'boolean', name: 'child' },
      { type: 'text', name: 'age', requiredIf: '{child} = true' },
    )
    expect(codes(def2, { child: true })).toEqual(['age:required'])
    expect(accepted(def2, { child: false })).toEqual({ child: false })
  })

  it('replays visible triggers', () => {
    const def2 = {
      triggers: [
        { type: 'visible', name: 'kind', operator: 'equal', value: 'car', questions: ['model'] },
      ],
      elements: [
        { type: 'radiogroup', name: 'kind', choices: ['car', 'bike'] },
        { type: 'text', name: 'model', visible: false, isRequired: true },
      ],
    }
    expect(accepted(def2, { kind: 'car', model: 'T' })).toEqual({ kind: 'car', model: 'T' })
    expect(codes(def2, { kind: 'car' })).toEqual(['model:required'])
    expect(accepted(def2, { kind: 'bike', model: 'T' })).toEqual({ kind: 'bike' })
  })

  it('keeps hidden answers when the definition sets clearInvisibleValues: "none"', () => {
    const def2 = {
      clearInvisibleValues: 'none',
      elements: [
        { type: 'boolean', name: 'b' },
        { type: 'text', name: 't', visibleIf: '{b} = true' },
      ],
    }
    expect(accepted(def2, { b: false, t: 'kept' })).toEqual({ b: false, t: 'kept' })
  })

  it('does not require a dynamic matrix that has no answer (no phantom default rows)', () => {
    const def2 = form({
      type: 'matrixdynamic',
      name: 'md',
      rowCount: 2,
      columns: [{ name: 'c', cellType: 'text', isRequired: true }],
    })
    expect(accepted(def2, {})).toEqual({})
    const nested = form({
      type: 'paneldynamic',
      name: 'p',
      templateElements: [
        { type: 'text', name: 't' },
        {
          type: 'matrixdynamic',
          name: 'md',
          rowCount: 2,
          columns: [{ name: 'c', isRequired: true }],
        },
      ],
    })
    expect(accepted(nested, { p: [{ t: 'x' }] })).toEqual({ p: [{ t: 'x' }] })
    expect(codes(nested, { p: [{ t: 'x', md: [{}] }] })).toEqual(['p[0].md[0].c:required'])
  })
})

describe('survey-core validators', () => {
  it.each([
    [
      { type: 'regex', regex: '^[0-9]{5}$', text: 'Five digits, please.' },
      '123',
      'Five digits, please.',
    ],
    [{ type: 'email' }, 'nope', 'Please enter a valid e-mail address.'],
    [
      { type: 'numeric', minValue: 10, maxValue: 20 },
      '25',
      "The 'value' should be at least 10 and at most 20",
    ],
    [{ type: 'text', minLength: 5 }, 'abc', 'Please enter at least 5 character(s).'],
    [{ type: 'expression', expression: "{q} != 'bad'", text: 'Not that.' }, 'bad', 'Not that.'],
  ])('reports %j as a validator issue with its message', (validator, value, message) => {
    const def = form({ type: 'text', name: 'q', validators: [validator] })
    const reported = issues(def, { q: value })
    expect(reported).toHaveLength(1)
    expect(reported[0]).toMatchObject({ question: 'q', code: 'validator' })
    expect(reported[0].message).toContain(message)
  })

  it('reports answercount validators on checkboxes', () => {
    const def = form({
      type: 'checkbox',
      name: 'c',
      choices: [1, 2, 3],
      validators: [{ type: 'answercount', minCount: 2 }],
    })
    expect(codes(def, { c: [1] })).toEqual(['c:validator'])
    expect(accepted(def, { c: [1, 2] })).toEqual({ c: [1, 2] })
  })

  it('runs validators of questions inside dynamic panels and matrix cells', () => {
    const def = form(
      {
        type: 'paneldynamic',
        name: 'p',
        templateElements: [
          { type: 'text', name: 'zip', validators: [{ type: 'regex', regex: '^\\d+$' }] },
        ],
      },
      {
        type: 'matrixdynamic',
        name: 'm',
        columns: [{ name: 'mail', cellType: 'text', validators: [{ type: 'email' }] }],
      },
    )
    expect(codes(def, { p: [{ zip: '12a' }], m: [{ mail: 'x' }] })).toEqual([
      'p[0].zip:validator',
      'm[0].mail:validator',
    ])
  })

  it('ignores warning-level validators', () => {
    const def = form({
      type: 'text',
      name: 'q',
      validators: [{ type: 'expression', expression: '{q} > 5', notificationType: 'warning' }],
    })
    expect(accepted(def, { q: '1' })).toEqual({ q: '1' })
  })
})

describe('robustness', () => {
  it('treats choicesByUrl choices as unknown and starts no network request', () => {
    const def = form({
      type: 'dropdown',
      name: 'd',
      choicesByUrl: { url: 'https://example.invalid/c' },
    })
    expect(accepted(def, { d: 'anything' })).toEqual({ d: 'anything' })
  })

  it('leaves no timers or handles behind, even with timeLimit', () => {
    const before = process.getActiveResourcesInfo().length
    const def = {
      timeLimit: 5,
      timeLimitPerPage: 2,
      showTimer: true,
      elements: [{ type: 'text', name: 'q' }],
    }
    for (let i = 0; i < 3; i++) validateAnswers(def, { q: 'x' })
    expect(process.getActiveResourcesInfo().length).toBe(before)
  })

  it('does not mutate its inputs', () => {
    const def = form(
      { type: 'checkbox', name: 'c', choices: [1, 2] },
      { type: 'text', name: 't', visibleIf: '{c} = [9]' },
    )
    const answers = { c: ['1'], t: 'x' }
    const snapshot = JSON.stringify({ def, answers })
    expect(accepted(def, answers)).toEqual({ c: [1] })
    expect(JSON.stringify({ def, answers })).toBe(snapshot)
  })

  it('bounds the matrix cells one submission can make survey-core build', () => {
    const columns = ['a', 'b', 'c', 'd'].map((name) => ({ name, cellType: 'text' }))
    const def = form({ type: 'matrixdynamic', name: 'm', columns })
    const rows = (n: number) => Array.from({ length: n }, () => ({ a: 'x' }))
    expect(accepted(def, { m: rows(50) })).toEqual({ m: rows(50) })
    expect(codes(def, { m: rows(51) })).toEqual(['m:invalid_shape'])
  })

  it('rejects values nested too deeply or too long anywhere', () => {
    const def = form({
      type: 'matrixdropdown',
      name: 'm',
      rows: ['r'],
      columns: [{ name: 'c', cellType: 'text' }],
    })
    expect(codes(def, { m: { r: { c: 'x'.repeat(6000) } } })).toEqual(['m.r.c:too_long'])
    let deep: unknown = 'x'
    for (let i = 0; i < 50; i++) deep = { c: deep }
    expect(codes(def, { m: { r: deep } })[0]).toMatch(/^m\.r\.c:/)
  })
})
