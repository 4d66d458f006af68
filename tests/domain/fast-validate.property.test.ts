// The compiled validator must answer exactly as the survey-core path: same ok, same cleaned
// answers and quiz, same issues in the same order. Compared on the bundled survey (generated
// valid answers plus corruptions) and on every conformance survey the compiler accepts.
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { Model, type ItemValue, type Question } from 'survey-core'
import { describe, expect, it } from 'vitest'
import { compileReport, compileValidator } from '../../server/domain/fast-validate'
import { validateAnswers } from '../../server/domain/validate-answers'
import { importXlsForm } from '../../server/authoring/xlsform'
import { answerGenerator, bundledDefinition } from '../bench/answers'
import { handmadeXlsx } from '../fixtures/xlsform/handmade'
import {
  choiceFilters,
  commentAreas,
  constraints,
  matrices,
  multipleText,
  moreChoices,
  textInputs,
  textSample,
  withDefaults,
  withValidators,
} from './fixtures/compiled-subset'

const DIR = fileURLToPath(new URL('./fixtures/conformance/', import.meta.url))
const RUNS = Number(process.env.FC_RUNS) || 150
const TIMEOUT = 600_000

type Answers = Record<string, unknown>

/** Runs both engines; counts answers the compiled one hands back to survey-core. */
function expectSame(definition: object, answers: unknown, stats: { fast: number; back: number }) {
  const compiled = compileValidator(definition)
  if (!compiled) throw new Error('definition does not compile')
  const fast = compiled(answers, 5000)
  if (fast === undefined) {
    stats.back++
    return
  }
  stats.fast++
  const slow = validateAnswers(definition, answers, { engine: 'survey-core' })
  expect(fast, JSON.stringify(answers).slice(0, 400)).toEqual(slow)
}

interface QuestionInfo {
  name: string
  type: string
  choices: unknown[]
  other: boolean
  maxLength: number
  /** A matrix's row keys (its columns are `choices`), or multiple text's item names. */
  rows: string[]
}

function questionsOf(definition: object): QuestionInfo[] {
  const survey = new Model(definition)
  return (survey.getAllQuestions(false, false, false) as Question[])
    .filter((q) => !['html', 'image', 'empty'].includes(q.getType()))
    .map((q) => ({
      name: q.getValueName(),
      type: q.getType(),
      choices: ((q.visibleChoices ?? q.visibleRateValues ?? q.columns ?? []) as ItemValue[]).map(
        (c) => c.value,
      ),
      rows:
        q.getType() === 'multipletext'
          ? (q.items as { name: string }[]).map((item) => item.name)
          : ((q.getType() === 'matrix' ? q.rows : []) as ItemValue[]).map((r) => String(r.value)),
      other: Boolean(q.showOtherItem || q.showCommentArea), // takes a `-Comment` value
      maxLength: Number(q.maxLength) || 0,
    }))
}

/** Any JSON value a client might send, skewed towards near-misses of a question's choices. */
function valueFor(q: QuestionInfo): fc.Arbitrary<unknown> {
  const choice = q.choices.length ? fc.constantFrom(...q.choices) : fc.constant('x')
  const spelled = choice.map((v) => (typeof v === 'number' ? String(v) : v))
  const junk = fc.oneof(
    fc.constant(null),
    fc.constant(''),
    fc.constant('   '),
    fc.constant([]),
    fc.constant({}),
    fc.integer({ min: -3, max: 12 }),
    fc.string({ maxLength: 6 }),
    fc.boolean(),
    fc.constant('x'.repeat(Math.max(q.maxLength, 5000) + 1)),
    fc.dictionary(fc.string({ maxLength: 3 }), fc.string({ maxLength: 3 }), { maxKeys: 2 }),
  )
  const single = fc.oneof({ weight: 5, arbitrary: choice }, spelled, junk)
  const many = fc.oneof(
    { weight: 5, arbitrary: fc.uniqueArray(choice, { maxLength: 4 }) },
    fc.array(fc.oneof(choice, spelled, junk), { maxLength: 3 }),
    junk,
  )
  if (['checkbox', 'tagbox', 'ranking'].includes(q.type)) return many
  if (q.type === 'multipletext') {
    const item = fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), textSample, junk)
    const items = fc.record(Object.fromEntries(q.rows.map((name) => [name, item])), {
      requiredKeys: [],
    })
    return fc.oneof({ weight: 8, arbitrary: items }, junk)
  }
  if (q.type === 'matrix') {
    const listed = fc.constant([q.choices[0]])
    const cell = fc.oneof({ weight: 6, arbitrary: choice }, spelled, junk, listed)
    const rows = fc.record(Object.fromEntries(q.rows.map((row) => [row, cell])), {
      requiredKeys: [],
    })
    const withStranger = rows.map((answer) => ({ ...answer, no_such_row: q.choices[0] }))
    return fc.oneof({ weight: 8, arbitrary: rows }, withStranger, junk)
  }
  if (q.type === 'boolean') return fc.oneof(fc.boolean(), fc.boolean(), junk)
  if (q.type === 'text' || q.type === 'comment') {
    return fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), junk, textSample)
  }
  return single
}

/** Answers built from a survey's own names, with unknown keys and "other" text now and then. */
function answersFor(questions: QuestionInfo[]): fc.Arbitrary<Answers> {
  const entries = questions.map((q) => fc.option(valueFor(q), { nil: undefined, freq: 2 }))
  const comments = questions
    .filter((q) => q.other)
    .map((q) => fc.option(fc.oneof(fc.string({ maxLength: 5 }), fc.constant('')), { freq: 2 }))
  const extra = fc.option(fc.constantFrom('unknown', '__proto__', 'q-Comment'), { freq: 4 })
  return fc.tuple(fc.tuple(...entries), fc.tuple(...comments), extra).map(([values, notes, x]) => {
    const answers: Answers = {}
    questions.forEach((q, i) => {
      if (values[i] !== undefined) answers[q.name] = values[i]
    })
    questions
      .filter((q) => q.other)
      .forEach((q, i) => {
        if (notes[i] !== null) answers[`${q.name}-Comment`] = notes[i]
      })
    if (x) Object.defineProperty(answers, x, { value: 1, enumerable: true, configurable: true })
    return answers
  })
}

type Corruption = (answers: Answers, pick: number, def: QuestionInfo[]) => void

const CORRUPTIONS: Record<string, Corruption> = {
  unknownKey: (a) => void (a.not_a_question = 'x'),
  wrongType: (a, i, qs) => void (a[qs[i % qs.length].name] = { wrong: true }),
  outsideChoices: (a, i, qs) => void (a[qs[i % qs.length].name] = 'no_such_choice'),
  numberAsString: (a) => void (a.confidence_identify = String(a.confidence_identify)),
  numberInArray: (a) => void (a.indicators = [1]),
  missingRequired: (a, i) => void delete a[['sector', 'indicators', 'met_possible_victim'][i % 3]],
  hiddenAnswered: (a) => {
    a.met_possible_victim = 'no'
    a.met_count = 'once'
    a.why_not_acted = ['other']
  },
  followUps: (a) => {
    a.met_possible_victim = 'yes'
    a.actions_taken = ['nothing']
    delete a.met_count
  },
  otherText: (a) => void (a['actions_taken-Comment'] = 'text'),
  empty: (a, i, qs) => void (a[qs[i % qs.length].name] = ['', [], '  ', {}][i % 4]),
  nullValue: (a, i, qs) => void (a[qs[i % qs.length].name] = null),
  overLong: (a) => void (a.comment = 'x'.repeat(2001)),
  upperCase: (a) => void (a.sector = String(a.sector).toUpperCase()),
  reversed: (a) => {
    for (const key of Object.keys(a)) {
      if (Array.isArray(a[key])) a[key] = [...(a[key] as unknown[])].reverse()
    }
  },
  allIndicators: (a) => {
    a.indicators = [
      'injuries_unexplained', 'companion_speaks_for_patient', 'no_own_documents', 'fear_anxiety',
      'debt_to_employer', 'lives_at_workplace', 'very_long_hours', 'inconsistent_story',
      'unknown_own_address',
    ].reverse()
  },
  notAnObject: (a) => void (a.indicators = 'injuries_unexplained'),
}

describe('compiled validator = survey-core path', () => {
  it(
    'on the bundled survey: generated answers and corruptions of them',
    () => {
      const definition = bundledDefinition()
      const questions = questionsOf(definition)
      const stats = { fast: 0, back: 0 }
      const names = Object.keys(CORRUPTIONS)
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 2 ** 30 }),
          fc.array(fc.tuple(fc.constantFrom(...names), fc.nat(1000)), { maxLength: 3 }),
          (seed, corruptions) => {
            const answers = answerGenerator(definition, seed).answers()
            for (const [name, pick] of corruptions) CORRUPTIONS[name](answers, pick, questions)
            expectSame(definition, answers, stats)
          },
        ),
        { numRuns: RUNS },
      )
      expect(stats.fast).toBeGreaterThan(stats.back)
    },
    TIMEOUT,
  )

  /** Arbitrary answers built from a definition's names and choices; some take the fast path. */
  const arbitraryAnswersAgree = (definition: object) => () => {
    const stats = { fast: 0, back: 0 }
    fc.assert(
      fc.property(answersFor(questionsOf(definition)), (answers) => {
        expectSame(definition, answers, stats)
      }),
      { numRuns: RUNS },
    )
    expect(stats.fast).toBeGreaterThan(0)
  }

  it(
    'on the bundled survey: arbitrary answers from its names and choices',
    arbitraryAnswersAgree(bundledDefinition()),
    TIMEOUT,
  )

  it(
    'on text inputs of every type the compiler accepts (e-mail checked by survey-core)',
    arbitraryAnswersAgree(textInputs),
    TIMEOUT,
  )

  it(
    "on text and comment validators (survey-core's own validator objects)",
    arbitraryAnswersAgree(withValidators),
    TIMEOUT,
  )

  it('on tagbox and button group questions', arbitraryAnswersAgree(moreChoices), TIMEOUT)

  it('on single-select matrices', arbitraryAnswersAgree(matrices), TIMEOUT)

  it('on comment areas', arbitraryAnswersAgree(commentAreas), TIMEOUT)

  it('on multiple text', arbitraryAnswersAgree(multipleText), TIMEOUT)

  it('on expression validators (constraints)', arbitraryAnswersAgree(constraints), TIMEOUT)

  it('on the hand-made XLSForm, imported', async () => {
    const imported = await importXlsForm(await handmadeXlsx())
    if (!imported.ok) throw new Error(JSON.stringify(imported.problems))
    arbitraryAnswersAgree(imported.definition)()
  }, TIMEOUT)

  it(
    'on choices shown by conditions (choice_filter)',
    arbitraryAnswersAgree(choiceFilters),
    TIMEOUT,
  )

  it(
    'on default values and conditions that read them',
    arbitraryAnswersAgree(withDefaults),
    TIMEOUT,
  )

  it('on chosen validator cases, each checked to reach the fast path', () => {
    const stats = { fast: 0, back: 0 }
    const cases: Answers[] = [
      { mail_len: 'a@b' }, // the input's check fails (survey-core wants a dot): no validator runs
      { mail_len: 'a@b.fi' }, // input check passes: the validator's own error
      { mail_in: 'a@b' }, // an e-mail validator replaces the input's own check
      { pattern: 'xyz' }, // both regexes fail: both errors, in order
      { len_no_digits: 'ab1' },
      { len_no_digits: '   ' },
      { count: 'many' },
      { number_in: -1 },
      { story: 'too long' },
    ]
    for (const answers of cases) expectSame(withValidators, answers, stats)
    expect(stats).toEqual({ fast: cases.length, back: 0 })
  })

  it('on chosen rankings, tags and buttons, each checked to reach the fast path', () => {
    const stats = { fast: 0, back: 0 }
    const base = { tags: ['a'], buttons: 'y' }
    const cases: Answers[] = [
      { ...base, rank: ['c', 'a', 'b'] },
      { ...base, rank: ['a', 'b'] }, // every choice must be ranked
      { ...base, rank: ['a', 'a', 'b'] },
      { ...base, rank: ['c', 'a', 'b'], rank_some: ['2', 1] }, // select to rank: some, mapped
      { ...base, rank: ['b', 'c', 'a'], rank_if: ['v', 'u'] },
      { tags: ['a', 3, 'other'], 'tags-Comment': 'mine', buttons: 2, rank: ['a', 'b', 'c'] },
      { tags: ['b'], buttons: 'x', rank: ['a', 'b', 'c'], quiz_tags: ['t', 'r'] },
      {},
    ]
    for (const answers of cases) expectSame(moreChoices, answers, stats)
    expect(stats).toEqual({ fast: cases.length, back: 0 })
  })

  it('on chosen matrix answers, each checked to reach the fast path', () => {
    const stats = { fast: 0, back: 0 }
    const whole = { likert: { a: 1, b: 2 }, unique: { p: 'x', q: 'y' }, after: 'ok' }
    const cases: Answers[] = [
      { ...whole, all_rows: { r1: 'yes', 2: 'no' } },
      { ...whole, all_rows: { r1: 'yes' } }, // eachRowRequired
      { ...whole, unique: { p: 'x', q: 'x' } }, // eachRowUnique
      { ...whole, likert: { a: '1', b: '4' } }, // spelled as strings
      { likert: {}, unique: { p: 'z' } }, // required and "after" is shown
      {},
    ]
    for (const answers of cases) expectSame(matrices, answers, stats)
    expect(stats).toEqual({ fast: cases.length, back: 0 })
    // a cell outside the columns (survey-core clears it) is left to survey-core
    expectSame(matrices, { ...whole, likert: { a: 9 } }, stats)
    expect(stats.back).toBe(1)
    // survey-core scores a matrix quiz row by row: not compiled
    const quiz = { type: 'matrix', name: 'm', columns: [1], rows: ['a'], correctAnswer: { a: 1 } }
    expect(compileReport({ elements: [quiz] }).reason).toBe('m: matrix quiz')
  })

  it('on chosen multiple-text answers, each checked to reach the fast path', () => {
    const stats = { fast: 0, back: 0 }
    const patients = { adults: 10, children: 5, note: 'abc' }
    const cases: Answers[] = [
      { patients, contact: { code: 'x', mail: 'a@b.fi', mail2: 'c@d.fi' } },
      { patients: { ...patients, children: '60' } }, // its numeric validator
      { patients: { ...patients, note: 'xy' } }, // both validators of one item
      { patients: { ...patients, adults: '' } }, // a required item
      { patients, contact: { code: 'x', mail: 'a@b' } }, // survey-core's e-mail check
      { patients, contact: { code: 'x', mail2: 'nope' } },
      { patients, contact: { code: 'x', long_mail: 'a@b' } }, // its e-mail check, no validator
      { patients, contact: { mail: 'a@b.fi' } }, // own required text
      { patients: {} },
      {},
    ]
    for (const answers of cases) expectSame(multipleText, answers, stats)
    expect(stats).toEqual({ fast: cases.length, back: 0 })
  })

  it('on chosen constraint cases, each checked to reach the fast path', () => {
    const stats = { fast: 0, back: 0 }
    const cases: Answers[] = [
      { age: 30, sector: 'a', tasks: [1, 3], sure: 3 },
      { age: 10, sure: 3 },
      { age: 20, sector: 'c', sure: 3 },
      { sector: 'b', tasks: [3], sure: 3 }, // both of one question's rules fail
      { sure: 1 },
      { sure: 5 }, // "why" is shown: its rule reads its own (empty) answer
      { sure: 5, why: 'because of many things' },
    ]
    for (const answers of cases) expectSame(constraints, answers, stats)
    expect(stats).toEqual({ fast: cases.length, back: 0 })
  })

  it('on chosen filtered choices: shown picks compiled, a hidden one left to survey-core', () => {
    const stats = { fast: 0, back: 0 }
    const shown: Answers[] = [
      { country: 'fi', region: 'lappi', north: 'x', first: 'a', others: ['d'], lowest: 1 },
      { first: 'b', others: ['a', 'c'], second: 3, lowest: 2 },
      { second: 'other', 'second-Comment': 'x' }, // other and none are never filtered
      { region: 'abroad', others: ['none'], second: 2, lowest: 1 },
    ]
    for (const answers of shown) expectSame(choiceFilters, answers, stats)
    expect(stats).toEqual({ fast: shown.length, back: 0 })
    const hidden: Answers[] = [
      { country: 'se', region: 'lappi', second: 2, lowest: 1 }, // a choice's own visibleIf
      { first: 'a', others: ['a'], second: 2, lowest: 1 }, // choicesVisibleIf with {item}
      { first: 'b', others: ['d'], second: 2, lowest: 1 }, // its own condition wins
      { second: 1, lowest: 1 },
    ]
    for (const answers of hidden) expectSame(choiceFilters, answers, stats)
    expect(stats).toEqual({ fast: shown.length, back: hidden.length })
  })

  it('on chosen number bounds, each checked to reach the fast path', () => {
    const stats = { fast: 0, back: 0 }
    const cases: Answers[] = [
      { years: 30, at_most: '2' }, // survey-core compares the strings "2" > "10": an error
      { years: 30, at_most: 2 },
      { years: '61' },
      { years: -1 },
      { years: 30, at_least: '-3' },
      { years: 30, at_least: -2.5 },
    ]
    for (const answers of cases) expectSame(textInputs, answers, stats)
    expect(stats).toEqual({ fast: cases.length, back: 0 })
  })

  const files = readdirSync(DIR).filter((file) => file.endsWith('.json'))
  for (const file of files.sort()) {
    const definition = JSON.parse(readFileSync(DIR + file, 'utf8')) as object
    if (!compileValidator(definition)) continue
    it(`on ${file}: arbitrary answers`, arbitraryAnswersAgree(definition), TIMEOUT)
  }

  it('answers that are not an object', () => {
    const stats = { fast: 0, back: 0 }
    for (const answers of [null, [], 'x', 1, true]) {
      expectSame(bundledDefinition(), answers, stats)
    }
  })
})
