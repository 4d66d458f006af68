// The order in which hidden answers are cleared, and how often conditions re-run in between,
// decides which answers survive when clearing one answer shows or hides another. The bundled
// survey's logic settles the same whatever that order, so these definitions are built so that it
// does not: each is checked for 'onHidden', 'onComplete' and 'none' (survey-level, and per question
// where a definition sets its own), fast path against survey-core on arbitrary answers, and with a
// witness whose settled answers depend on the order (so a test passing is not luck of the data).
import fc from 'fast-check'
import { Model, type ItemValue, type Question } from 'survey-core'
import { describe, expect, it } from 'vitest'
import { compileReport } from '../../server/domain/fast-validate'
import { validateAnswers } from '../../server/domain/validate-answers'

const RUNS = Number(process.env.FC_RUNS) || 60
const TIMEOUT = 600_000
const MODES = ['onHidden', 'onComplete', 'none'] as const
type Mode = (typeof MODES)[number]
type Answers = Record<string, unknown>
type Json = Record<string, unknown>

const radio = (name: string, visibleIf?: string, extra: Json = {}): Json => ({
  type: 'radiogroup',
  name,
  choices: ['a', 'b'],
  ...(visibleIf ? { visibleIf } : {}),
  ...extra,
})

/** A shows B, B's answer shows C, C's answer hides D, D's answer hides A (question order). */
const chain: Json = {
  elements: [
    { type: 'boolean', name: 'a', visibleIf: '{d} <> 2' },
    radio('b', '{a} = true', { choices: ['yes', 'no'] }),
    { type: 'checkbox', name: 'c', choices: ['x', 'y', 'z'], visibleIf: "{b} = 'yes'" },
    radio('d', "{c} notcontains 'x'", { choices: [1, 2] }),
  ],
}

/** Each hides the other: whichever is cleared first decides which answer survives. */
const mutual: Json = {
  elements: [radio('x', '{y} empty'), radio('y', '{x} empty')],
}

/**
 * Hidden by a panel or page versus hidden by its own visibleIf: in 'onHidden' mode only the
 * latter is cleared the moment it turns hidden, the former waits for completion.
 */
const containers: Json = {
  pages: [
    {
      name: 'p1',
      elements: [
        { type: 'panel', name: 'P', visibleIf: '{y} empty', elements: [radio('x')] },
        radio('y', '{x} empty'),
        {
          type: 'panel',
          name: 'outer',
          visibleIf: "{v} <> 'a'",
          elements: [{ type: 'panel', name: 'inner', elements: [radio('u')] }],
        },
        radio('v', '{u} empty'),
      ],
    },
    { name: 'p2', visibleIf: '{w} empty', elements: [radio('z')] },
    { name: 'p3', elements: [radio('w', '{z} empty')] },
  ],
}

/**
 * x starts hidden (no data shows it): turning "still hidden" does not clear it in 'onHidden' mode,
 * only a visible-to-hidden change does, so y may be cleared before x is.
 */
const initiallyHidden: Json = {
  elements: [
    radio('x', "{y} = 'show'"),
    radio('y', '{x} empty', { choices: ['show', 'hide'] }),
    { type: 'boolean', name: 'k', visibleIf: "{y} = 'hide'" },
    radio('m', '{k} <> true'),
  ],
}

/** The survey's mode for some questions, a question's own clearIfInvisible for others. */
const mixed: Json = {
  elements: [
    radio('x', '{y} empty'),
    radio('y', '{x} empty', { clearIfInvisible: 'onHidden' }),
    radio('z', '{k} empty', { clearIfInvisible: 'onComplete' }),
    radio('k', '{z} empty'),
    radio('n', '{x} notempty', { clearIfInvisible: 'none' }),
    { type: 'boolean', name: 'o', visibleIf: "{n} = 'a'" },
    radio('p', '{o} empty', { clearIfInvisible: 'onHidden' }),
  ],
}

/** n0 shows while n1 is answered, n1 while n2 is, ...: clearing walks backwards, one step a run. */
const backwards = (length: number): Json[] =>
  Array.from({ length }, (_, i) =>
    radio(`n${i}`, i < length - 1 ? `{n${i + 1}} notempty` : "{t} = 'a'"),
  )

/**
 * survey-core re-runs conditions at most settings.maxConditionRunCountOnValueChanged (10) times
 * after an answer changed; 11 steps fit, 12 reach the limit, 13 leave n0 shown with n1 cleared.
 * Completion then clears the panel's s and the unused "other" text: the model's re-runs after
 * those only redo conditions reading s or o, so n0 keeps its stale visibility (and its answer).
 */
const longChain: Json = {
  elements: [
    ...backwards(13),
    radio('t'),
    { type: 'panel', name: 'P', visibleIf: "{t} = 'a'", elements: [radio('s')] },
    radio('o', undefined, { showOtherItem: true }),
  ],
}

const DEFINITIONS: Record<string, Json> = {
  chain,
  mutual,
  containers,
  initiallyHidden,
  mixed,
  longChain,
  chain11: { elements: [...backwards(11), radio('t')] },
  chain12: { elements: [...backwards(12), radio('t')] },
  // in 'onComplete' mode one step per clearing pass: more steps than MAX_LOGIC_PASSES (20)
  chain22: { elements: [...backwards(22), radio('t')] },
}

const withMode = (definition: Json, mode: Mode): Json => ({
  ...definition,
  clearInvisibleValues: mode,
})

interface QuestionInfo {
  name: string
  type: string
  choices: unknown[]
  other: boolean
}

function questionsOf(definition: Json): QuestionInfo[] {
  const survey = new Model(definition)
  const questions = (survey.getAllQuestions(false, false, false) as Question[]).map((q) => ({
    name: q.getValueName(),
    type: q.getType(),
    choices: ((q.visibleChoices ?? []) as ItemValue[]).map((c) => c.value),
    other: Boolean(q.showOtherItem),
  }))
  survey.dispose()
  return questions
}

/**
 * Mostly real choices (logic only bites on them), now and then null or []. Values matching no
 * choice ('' and blanks included) are left out: the compiled validator hands those to survey-core
 * (the main property test covers them), and with many questions nearly every set would hold one.
 */
function valueFor(q: QuestionInfo): fc.Arbitrary<unknown> {
  const choices = q.choices.length ? q.choices : ['a']
  const choice = fc.constantFrom(...choices)
  const empty = fc.constantFrom<unknown>(null, q.type === 'checkbox' ? [] : null)
  if (q.type === 'checkbox') {
    return fc.oneof({ weight: 6, arbitrary: fc.uniqueArray(choice, { maxLength: 3 }) }, empty)
  }
  if (q.type === 'boolean') return fc.oneof({ weight: 6, arbitrary: fc.boolean() }, empty)
  const spelled = choice.map((v) => (typeof v === 'number' ? String(v) : v))
  return fc.oneof({ weight: 6, arbitrary: choice }, spelled, empty)
}

/** Answers over a definition's names: most questions answered, "other" text now and then. */
function answersFor(questions: QuestionInfo[]): fc.Arbitrary<Answers> {
  const values = questions.map((q) => fc.option(valueFor(q), { nil: undefined, freq: 8 }))
  const others = questions.filter((q) => q.other)
  const notes = others.map(() => fc.option(fc.constantFrom('text', ''), { nil: undefined }))
  return fc.tuple(fc.tuple(...values), fc.tuple(...notes)).map(([answered, texts]) => {
    const answers: Answers = {}
    questions.forEach((q, i) => {
      if (answered[i] !== undefined) answers[q.name] = answered[i]
    })
    others.forEach((q, i) => {
      if (texts[i] !== undefined) answers[`${q.name}-Comment`] = texts[i]
    })
    return answers
  })
}

function compiled(definition: Json) {
  const { validator, reason } = compileReport(definition)
  if (!validator) throw new Error(`definition does not compile: ${reason}`)
  return validator
}

const slow = (definition: Json, answers: unknown) =>
  validateAnswers(definition, answers, { engine: 'survey-core' })

describe('clearing order of hidden answers: compiled validator = survey-core path', () => {
  for (const [name, definition] of Object.entries(DEFINITIONS)) {
    for (const mode of MODES) {
      it(`${name}, clearInvisibleValues ${mode}: arbitrary answers`, () => {
        const def = withMode(definition, mode)
        const fast = compiled(def)
        const stats = { fast: 0, back: 0 }
        fc.assert(
          fc.property(answersFor(questionsOf(def)), (answers) => {
            const result = fast(answers, 5000)
            if (result === undefined) return void stats.back++
            stats.fast++
            expect(result, JSON.stringify(answers)).toEqual(slow(def, answers))
          }),
          { numRuns: RUNS },
        )
        // answers whose stored values show other questions than the settled ones go back
        expect(stats.fast).toBeGreaterThanOrEqual(RUNS / 4)
      }, TIMEOUT)
    }
  }
})

/** Settled answers that depend on the clearing order, per mode: [definition, answers, kept]. */
const WITNESSES: [string, Answers, Record<Mode, Answers>][] = [
  [
    'containers',
    { x: 'a', y: 'a' },
    { onHidden: { x: 'a' }, onComplete: { y: 'a' }, none: { x: 'a', y: 'a' } },
  ],
  [
    'containers',
    { u: 'a', v: 'a' },
    { onHidden: { u: 'a' }, onComplete: { v: 'a' }, none: { u: 'a', v: 'a' } },
  ],
  [
    'containers',
    { z: 'a', w: 'a' },
    { onHidden: { z: 'a' }, onComplete: { w: 'a' }, none: { z: 'a', w: 'a' } },
  ],
  ['mixed', { x: 'a', y: 'a' }, { onHidden: { y: 'a' }, onComplete: { x: 'a' }, none: { x: 'a' } }],
  ['mixed', { z: 'a', k: 'a' }, { onHidden: { z: 'a' }, onComplete: { k: 'a' }, none: { k: 'a' } }],
]

describe('clearing order of hidden answers: witnesses', () => {
  for (const [name, answers, kept] of WITNESSES) {
    for (const mode of MODES) {
      it(`${name}, ${mode}: ${JSON.stringify(answers)} keeps ${JSON.stringify(kept[mode])}`, () => {
        const def = withMode(DEFINITIONS[name], mode)
        const expected = { ok: true, answers: kept[mode], quiz: null }
        expect(slow(def, answers)).toEqual(expected)
        expect(compiled(def)(answers, 5000)).toEqual(expected)
      })
    }
  }

  it('longChain, onHidden: past the re-run limit the answers go to survey-core', () => {
    const def = withMode(longChain, 'onHidden')
    const answers: Answers = { s: 'a' }
    for (let i = 0; i < 13; i++) answers[`n${i}`] = 'a'
    // n0 stays shown with n1 cleared: re-running every condition would clear n0 too
    expect(slow(def, answers)).toEqual({ ok: true, answers: { n0: 'a' }, quiz: null })
    expect(compiled(def)(answers, 5000)).toBeUndefined()
  })
})
