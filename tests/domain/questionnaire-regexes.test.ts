import { afterEach, describe, expect, it, vi } from 'vitest'
import { patternProblem } from '../../server/domain/bounded-regex'
import { regexProblems } from '../../server/domain/definition-regexes'
import { compileReport } from '../../server/domain/fast-validate'
import { checkDefinition } from '../../server/domain/publishing'
import { validateAnswers } from '../../server/domain/validate-answers'

const EVIL = '^(a+)+$'
const withRegex = (regex: string, extra: object = {}) => ({
  elements: [{ type: 'text', name: 'code', validators: [{ type: 'regex', regex, ...extra }] }],
})

describe('publishing checks every regular expression of a definition', () => {
  it.each([
    [EVIL, /exponential/],
    ['(x+x+)+y', /exponential/],
    ['^(', /not a valid/],
    ['^(?=.*\\d).{8,}$', /look-around/],
    ['^(a)\\1$', /back-references/],
  ])('refuses %s', (regex, reason) => {
    expect(patternProblem(regex)).toMatch(reason)
  })

  it.each(['^\\d{5}$', '^[A-Z]{2}-\\d{3,4}$', '^[^@\\s]+@[^@\\s]+\\.[a-z]{2,}$', '^(yes|no)$'])(
    'accepts %s',
    (regex) => expect(patternProblem(regex)).toBe(''),
  )

  it('finds them in matrix columns, multiple-text items and dynamic panels, naming the element', () => {
    const v = [{ type: 'regex', regex: EVIL }]
    const definition = {
      pages: [
        {
          name: 'p',
          elements: [
            {
              type: 'matrixdropdown',
              name: 'm',
              rows: ['r'],
              columns: [{ name: 'col', validators: v }],
            },
            { type: 'multipletext', name: 'mt', items: [{ name: 'item', validators: v }] },
            {
              type: 'paneldynamic',
              name: 'pd',
              templateElements: [{ type: 'text', name: 'inner', validators: v }],
            },
          ],
        },
      ],
    }
    const problems = regexProblems(definition)
    expect(problems.map((p) => p.match(/Question "([^"]+)"/)?.[1]).sort()).toEqual([
      'col',
      'inner',
      'item',
    ])
    const check = checkDefinition(definition)
    expect(check.ok).toBe(false)
  })
})

describe('regex validators at submission, for versions stored before the check', () => {
  afterEach(() => vi.restoreAllMocks())

  it.each(['auto', 'survey-core'] as const)(
    'never run on the backtracking engine (%s engine), and still decide',
    (engine) => {
      const test = vi.spyOn(RegExp.prototype, 'test')
      const exec = vi.spyOn(RegExp.prototype, 'exec')
      const definition = withRegex(EVIL)
      expect(validateAnswers(definition, { code: 'aaaa' }, { engine }).ok).toBe(true)
      const refused = validateAnswers(definition, { code: 'aaaa!' }, { engine })
      expect(refused.ok).toBe(false)
      if (!refused.ok) expect(refused.issues[0].question).toBe('code')
      const evilRuns = [...test.mock.contexts, ...exec.mock.contexts].filter(
        (re) => (re as RegExp).source === EVIL,
      )
      expect(evilRuns).toEqual([])
    },
  )

  it('keeps case-insensitivity, and refuses answers to a pattern the server cannot bound', () => {
    const insensitive = withRegex('^abc$', { caseInsensitive: true })
    expect(validateAnswers(insensitive, { code: 'ABC' }).ok).toBe(true)
    expect(validateAnswers(withRegex('^abc$'), { code: 'ABC' }).ok).toBe(false)
    expect(validateAnswers(withRegex('^(?=a)a$'), { code: 'a' }).ok).toBe(false)
  })

  it('the compiled validator takes regex validators too (so the auto case above runs it)', () => {
    expect(compileReport(withRegex('^\\d+$')).reason).toBe('')
    expect(compileReport(withRegex(EVIL)).reason).toBe('')
  })
})
