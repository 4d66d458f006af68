import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { flattenAnswers, type AnswerCell } from '../../server/domain/flatten-answers'
import { validateAnswers } from '../../server/domain/validate-answers'
import { PNG_DATA_URL, VALID_ANSWERS } from './fixtures/conformance-answers'

const form = (...elements: object[]) => ({ elements })
const cell = (
  question: string,
  item: string,
  value: string | null,
  number: number | null,
): AnswerCell => ({
  question,
  item,
  value,
  number,
})

describe('flattenAnswers', () => {
  it('single choice: one row with an empty item; numbers keep their number', () => {
    const def = form(
      { type: 'radiogroup', name: 'r', choices: ['a', 'b'] },
      { type: 'dropdown', name: 'd', choices: [1, 2] },
      { type: 'radiogroup', name: 'c', choices: [{ value: 'x', showCommentArea: true }] },
    )
    expect(flattenAnswers(def, { r: 'b', d: 2, c: { value: 'x', comment: 'free text' } })).toEqual([
      cell('r', '', 'b', null),
      cell('d', '', '2', 2),
      cell('c', '', 'x', null),
    ])
  })

  it('checkbox and tagbox: one row per selected value, item = value', () => {
    const def = form(
      { type: 'checkbox', name: 'c', choices: [1, 'two'], showOtherItem: true },
      { type: 'tagbox', name: 't', choices: ['x', 'y'] },
    )
    const rows = flattenAnswers(def, { c: [1, 'other'], 'c-Comment': 'mine', t: [{ value: 'y' }] })
    expect(rows).toEqual([
      cell('c', '1', '1', 1),
      cell('c', 'other', 'other', null),
      cell('t', 'y', 'y', null),
    ])
  })

  it('boolean: true/false (or valueTrue/valueFalse) with 1/0', () => {
    const def = form(
      { type: 'boolean', name: 'b' },
      { type: 'boolean', name: 'y', valueTrue: 'yes', valueFalse: 'no' },
    )
    expect(flattenAnswers(def, { b: false, y: 'yes' })).toEqual([
      cell('b', '', 'false', 0),
      cell('y', '', 'yes', 1),
    ])
  })

  it('rating, numeric text and slider carry their number', () => {
    const def = form(
      { type: 'rating', name: 'r' },
      { type: 'text', name: 'n', inputType: 'number' },
      { type: 'slider', name: 's' },
      { type: 'slider', name: 'range', sliderType: 'range' },
    )
    expect(flattenAnswers(def, { r: 4, n: 2.5, s: 40, range: [10, 20] })).toEqual([
      cell('r', '', '4', 4),
      cell('n', '', '2.5', 2.5),
      cell('s', '', '40', 40),
      cell('range', 'from', '10', 10),
      cell('range', 'to', '20', 20),
    ])
  })

  it('ranking: item = choice, number = 1-based rank', () => {
    const def = form({ type: 'ranking', name: 'k', choices: ['a', 'b', 'c'] })
    expect(flattenAnswers(def, { k: ['c', 'a', 'b'] })).toEqual([
      cell('k', 'c', '1', 1),
      cell('k', 'a', '2', 2),
      cell('k', 'b', '3', 3),
    ])
  })

  it('matrix: item = row, value = column', () => {
    const def = form(
      { type: 'matrix', name: 'm', rows: ['r1', 'r2'], columns: [1, 2] },
      { type: 'matrix', name: 'multi', cellType: 'checkbox', rows: ['r1'], columns: ['a', 'b'] },
    )
    expect(flattenAnswers(def, { m: { r1: 2, r2: 1 }, multi: { r1: ['a', 'b'] } })).toEqual([
      cell('m', 'r1', '2', 2),
      cell('m', 'r2', '1', 1),
      cell('multi', 'r1.a', 'a', null),
      cell('multi', 'r1.b', 'b', null),
    ])
  })

  it('matrixdropdown: item = row.column; checkbox cells row.column.value; no free text', () => {
    const def = form({
      type: 'matrixdropdown',
      name: 'md',
      rows: ['angular', 'vue'],
      columns: [
        { name: 'use', cellType: 'radiogroup', choices: ['Yes', 'No'] },
        { name: 'why', cellType: 'checkbox', choices: ['speed', 'docs'] },
        { name: 'note', cellType: 'comment' },
        { name: 'stars', cellType: 'rating' },
      ],
    })
    const answers = {
      md: { angular: { use: 'Yes', why: ['docs'], note: 'free', stars: 5 }, vue: { use: 'No' } },
    }
    expect(flattenAnswers(def, answers)).toEqual([
      cell('md', 'angular.use', 'Yes', null),
      cell('md', 'angular.why.docs', 'docs', null),
      cell('md', 'angular.stars', '5', 5),
      cell('md', 'vue.use', 'No', null),
    ])
  })

  it('matrixdynamic and paneldynamic: index.name paths, nested containers included', () => {
    const def = form(
      {
        type: 'matrixdynamic',
        name: 'rows',
        columns: [{ name: 'n', cellType: 'text', inputType: 'number' }],
      },
      {
        type: 'paneldynamic',
        name: 'kids',
        templateElements: [
          { type: 'dropdown', name: 'sex', choices: ['f', 'm'] },
          {
            type: 'matrixdynamic',
            name: 'ill',
            columns: [{ name: 'what', cellType: 'dropdown', choices: ['flu'] }],
          },
        ],
      },
    )
    const answers = {
      rows: [{ n: 3 }, { n: 4 }],
      kids: [{ sex: 'f', ill: [{ what: 'flu' }] }, { sex: 'm' }],
    }
    expect(flattenAnswers(def, answers)).toEqual([
      cell('rows', '0.n', '3', 3),
      cell('rows', '1.n', '4', 4),
      cell('kids', '0.sex', 'f', null),
      cell('kids', '0.ill.0.what', 'flu', null),
      cell('kids', '1.sex', 'm', null),
    ])
  })

  it('skips comments, free text, files and signatures', () => {
    const def = form(
      { type: 'text', name: 'name' },
      { type: 'comment', name: 'story' },
      { type: 'file', name: 'f' },
      { type: 'signaturepad', name: 's' },
      { type: 'rating', name: 'r', showCommentArea: true },
    )
    const answers = {
      name: 'Ada',
      story: 'long',
      f: [{ name: 'a', content: PNG_DATA_URL }],
      s: PNG_DATA_URL,
      r: 3,
      'r-Comment': 'x',
    }
    expect(flattenAnswers(def, answers)).toEqual([cell('r', '', '3', 3)])
  })

  it('flattens expression results and calculated values', () => {
    const def = {
      calculatedValues: [{ name: 'ok', expression: '{a} > 1', includeIntoResult: true }],
      elements: [
        { type: 'text', name: 'a', inputType: 'number' },
        { type: 'expression', name: 'sum', expression: '{a} + 1' },
      ],
    }
    expect(flattenAnswers(def, { a: 2, sum: 3, ok: true })).toEqual([
      cell('a', '', '2', 2),
      cell('sum', '', '3', 3),
      cell('ok', '', 'true', 1),
    ])
  })

  it('ignores keys that are not questions', () => {
    expect(flattenAnswers(form({ type: 'text', name: 'a' }), { nope: 1 })).toEqual([])
  })

  it('gives unique (question, item) pairs for every conformance answer set', () => {
    const dir = fileURLToPath(new URL('./fixtures/conformance/', import.meta.url))
    for (const [file, answers] of Object.entries(VALID_ANSWERS)) {
      const definition = JSON.parse(readFileSync(dir + file, 'utf8')) as object
      const outcome = validateAnswers(definition, answers)
      if (!outcome.ok) throw new Error(file)
      const rows = flattenAnswers(definition, outcome.answers)
      const keys = rows.map((row) => JSON.stringify([row.question, row.item]))
      expect(new Set(keys).size, file).toBe(keys.length)
      for (const row of rows) {
        expect(row.value === null || typeof row.value === 'string').toBe(true)
        expect(row.number === null || Number.isFinite(row.number)).toBe(true)
      }
    }
  })
})
