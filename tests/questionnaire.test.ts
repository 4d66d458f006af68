import { readFileSync } from 'node:fs'
import { describe, it, expect } from 'vitest'
import { Model, type Question, type QuestionSelectBase } from 'survey-core'
// The project's own survey-level properties ("dimensions", "selfRating"), as the server loads it.
import '../server/domain/survey-core-setup.js'

type Json = Record<string, unknown>

const json = JSON.parse(
  readFileSync(new URL('../surveys/counter-trafficking.json', import.meta.url), 'utf8'),
) as Json

const LOCALES = ['default', 'fi', 'sv'] as const

/** Properties that SurveyJS shows to respondents, so they must be translated. */
const LOCALIZABLE = new Set([
  'title',
  'description',
  'text',
  'completedHtml',
  'completedBeforeHtml',
  'loadingHtml',
  'minRateDescription',
  'maxRateDescription',
  'placeholder',
  'otherText',
  'otherPlaceholder',
  'noneText',
  'selectAllText',
  'requiredErrorText',
  'otherErrorText',
  'navigationTitle',
  'navigationDescription',
  'labelTrue',
  'labelFalse',
  'html',
])

const TRUE_FALSE = ['true', 'false', 'dont_know']
const SNAKE_CASE = /^[a-z0-9]+(_[a-z0-9]+)*$/

const newModel = () => new Model(json)

/** Every localizable property anywhere in the JSON, with its path, for precise failure messages. */
function localizableValues(node: unknown, path = '$'): { path: string; value: unknown }[] {
  if (Array.isArray(node)) {
    return node.flatMap((item, i) => localizableValues(item, `${path}[${i}]`))
  }
  if (node === null || typeof node !== 'object') return []
  return Object.entries(node).flatMap(([key, value]) => [
    ...(LOCALIZABLE.has(key) ? [{ path: `${path}.${key}`, value }] : []),
    ...localizableValues(value, `${path}.${key}`),
  ])
}

function jsonQuestions(): Json[] {
  const pages = json.pages as { elements: Json[] }[]
  return pages.flatMap((page) => page.elements)
}

function quizAnswers(pick: (question: Question) => unknown): Record<string, unknown> {
  const model = newModel()
  return Object.fromEntries(model.getQuizQuestions().map((q) => [q.name, pick(q as Question)]))
}

function wrongAnswer(question: Question): unknown {
  const correct = question.correctAnswer
  const values = (question as QuestionSelectBase).choices.map((choice) => choice.value)
  // A checkbox with every box ticked includes the distractors, so it is wrong.
  if (Array.isArray(correct)) return values
  return values.find((value) => value !== correct)
}

describe('counter-trafficking questionnaire', () => {
  it('loads in survey-core without JSON errors', () => {
    const model = newModel()
    expect(model.jsonErrors ?? []).toEqual([])
    expect(model.getAllQuestions().length).toBeGreaterThan(15)
  })

  it('sets the survey-level options and no fixed locale', () => {
    expect(json.locale).toBeUndefined()
    expect(json.showProgressBar).toBe(true)
    expect(json.progressBarType).toBe('pages')
    expect(json.clearInvisibleValues).toBe('onHidden')
    const model = newModel()
    expect(model.visiblePageCount).toBeGreaterThanOrEqual(5)
  })

  it('keeps every page short enough for a phone', () => {
    const model = newModel()
    for (const page of model.pages) {
      expect(page.questions.length, page.name).toBeGreaterThanOrEqual(1)
      expect(page.questions.length, page.name).toBeLessThanOrEqual(6)
    }
  })

  it('translates every user-visible string into English, Finnish and Swedish', () => {
    const found = localizableValues(json)
    expect(found.length).toBeGreaterThan(100)
    for (const { path, value } of found) {
      expect(value, `${path} must be a localized object, not a plain string`).toBeTypeOf('object')
      const texts = value as Record<string, unknown>
      expect(Object.keys(texts).sort(), path).toEqual(['default', 'fi', 'sv'])
      for (const locale of LOCALES) {
        expect(texts[locale], `${path}.${locale}`).toBeTypeOf('string')
        expect((texts[locale] as string).trim(), `${path}.${locale}`).not.toBe('')
      }
    }
  })

  it('gives every question and every choice an explicit text in each language', () => {
    for (const question of jsonQuestions()) {
      expect(question.title, `${question.name} has no title`).toBeTypeOf('object')
      for (const choice of (question.choices as unknown[] | undefined) ?? []) {
        expect(choice, `${question.name}: choice must be { value, text }`).toBeTypeOf('object')
        expect((choice as Json).text, `${question.name}: choice without text`).toBeTypeOf('object')
      }
    }
    const model = newModel()
    for (const question of model.getAllQuestions() as Question[]) {
      for (const locale of LOCALES) {
        const loc = locale === 'default' ? '' : locale
        expect(question.locTitle.getLocaleText(loc), `${question.name} ${locale}`).not.toBe('')
        for (const item of (question as QuestionSelectBase).choices ?? []) {
          expect(item.locText.getLocaleText(loc), `${question.name}.${item.value}`).not.toBe('')
        }
      }
    }
  })

  it('renders Finnish and Swedish when the locale is switched', () => {
    const model = newModel()
    model.locale = 'fi'
    expect(model.getQuestionByName('knowledge_border').title).toMatch(/ihmiskau/i)
    model.locale = 'sv'
    expect(model.getQuestionByName('knowledge_border').title).toMatch(/människohandel/i)
  })

  it('has the three required single-choice dimensions with snake_case codes', () => {
    const model = newModel()
    for (const name of ['sector', 'region', 'profession']) {
      const question = model.getQuestionByName(name) as QuestionSelectBase
      expect(question, name).toBeTruthy()
      expect(['radiogroup', 'dropdown']).toContain(question.getType())
      expect(question.isRequired, name).toBe(true)
      expect(question.showOtherItem, name).toBe(false)
      const values = question.choices.map((choice) => choice.value)
      expect(new Set(values).size, name).toBe(values.length)
      for (const value of values) expect(value, name).toMatch(SNAKE_CASE)
    }
    const regions = (model.getQuestionByName('region') as QuestionSelectBase).choices
    const codes = regions.map((choice) => choice.value)
    expect(codes).toHaveLength(23)
    expect(codes).toContain('helsinki')
    expect(codes).toContain('ahvenanmaa')
    expect(codes).toContain('ita_uusimaa')
    expect(codes).toContain('lappi')
    expect(model.getQuestionByName('sector').choices).toHaveLength(10)
    expect(model.getQuestionByName('profession').choices).toHaveLength(8)
  })

  it('has at least six required true/false/don’t-know items with a correct answer', () => {
    const items = jsonQuestions().filter(
      (q) => String(q.name).startsWith('knowledge_') && q.name !== 'knowledge_referral',
    )
    expect(items.length).toBeGreaterThanOrEqual(6)
    for (const item of items) {
      expect(item.type, String(item.name)).toBe('radiogroup')
      expect(item.isRequired, String(item.name)).toBe(true)
      expect((item.choices as Json[]).map((choice) => choice.value)).toEqual(TRUE_FALSE)
      expect(['true', 'false']).toContain(item.correctAnswer)
    }
    const answers = items.map((item) => item.correctAnswer)
    expect(answers).toContain('true')
    expect(answers).toContain('false')
  })

  it('asks about indicators and referral as quiz items', () => {
    const model = newModel()
    const indicators = model.getQuestionByName('indicators') as QuestionSelectBase
    expect(indicators.getType()).toBe('checkbox')
    const correct = indicators.correctAnswer as string[]
    const values = indicators.choices.map((choice) => choice.value)
    expect(correct.length).toBeGreaterThanOrEqual(8)
    for (const value of correct) expect(values).toContain(value)
    expect(values.length - correct.length).toBeGreaterThanOrEqual(2)
    expect(correct).not.toContain('asks_for_interpreter')
    expect(correct).not.toContain('chronic_illness')

    const referral = model.getQuestionByName('knowledge_referral') as QuestionSelectBase
    expect(referral.getType()).toBe('radiogroup')
    expect(referral.correctAnswer).toBe('assistance_system')
    expect(referral.choices.map((choice) => choice.value)).toContain('dont_know')
  })

  it('scores a fully correct quiz as all correct', () => {
    const model = newModel()
    model.data = quizAnswers((q) => q.correctAnswer)
    expect(model.getQuizQuestionCount()).toBeGreaterThanOrEqual(8)
    expect(model.getCorrectAnswerCount()).toBe(model.getQuizQuestionCount())
    expect(model.getIncorrectAnswerCount()).toBe(0)
  })

  it('scores a fully wrong quiz as zero', () => {
    const model = newModel()
    model.data = quizAnswers(wrongAnswer)
    expect(model.getCorrectAnswerCount()).toBe(0)
    expect(model.getIncorrectAnswerCount()).toBe(model.getQuizQuestionCount())
  })

  it('scores "don’t know" as not correct', () => {
    const model = newModel()
    model.data = { knowledge_border: 'dont_know', knowledge_consent: 'dont_know' }
    expect(model.getCorrectAnswerCount()).toBe(0)
  })

  it('compares the indicator answer as a set', () => {
    const model = newModel()
    const indicators = model.getQuestionByName('indicators')
    const correct = [...(indicators.correctAnswer as string[])]
    model.data = { indicators: [...correct].reverse() }
    expect(indicators.isAnswerCorrect()).toBe(true)
    model.data = { indicators: correct.slice(1) }
    expect(indicators.isAnswerCorrect()).toBe(false)
    model.data = { indicators: [...correct, 'chronic_illness'] }
    expect(indicators.isAnswerCorrect()).toBe(false)
  })

  it('shows the experience follow-ups only to those who may have met a victim', () => {
    const model = newModel()
    const followUps = ['met_count', 'actions_taken']
    const visible = () => followUps.map((name) => model.getQuestionByName(name).isVisible)

    expect(visible()).toEqual([false, false])
    model.data = { met_possible_victim: 'no' }
    expect(visible()).toEqual([false, false])
    model.data = { met_possible_victim: 'yes' }
    expect(visible()).toEqual([true, true])
    model.data = { met_possible_victim: 'not_sure' }
    expect(visible()).toEqual([true, true])
  })

  it('asks why no action was taken only when nothing was done', () => {
    const model = newModel()
    const whyNot = model.getQuestionByName('why_not_acted')
    model.data = { met_possible_victim: 'yes', actions_taken: ['contacted_police'] }
    expect(whyNot.isVisible).toBe(false)
    model.data = { met_possible_victim: 'yes', actions_taken: ['nothing'] }
    expect(whyNot.isVisible).toBe(true)
  })

  it('clears follow-up answers when they are hidden again', () => {
    const model = newModel()
    model.setValue('met_possible_victim', 'yes')
    model.setValue('met_count', '2_5')
    model.setValue('actions_taken', ['nothing'])
    model.setValue('why_not_acted', ['no_time'])
    model.setValue('met_possible_victim', 'no')
    expect(model.getValue('met_count')).toBeUndefined()
    expect(model.getValue('actions_taken')).toBeUndefined()
    expect(model.getValue('why_not_acted')).toBeUndefined()
  })

  it('requires the confidence ratings on a 1–5 scale', () => {
    const model = newModel()
    for (const name of ['confidence_identify', 'confidence_help']) {
      const question = model.getQuestionByName(name)
      expect(question.getType()).toBe('rating')
      expect(question.isRequired).toBe(true)
      expect(question.rateMin).toBe(1)
      expect(question.rateMax).toBe(5)
    }
  })

  it('has the experience, referral and training questions', () => {
    const model = newModel()
    const expected: Record<string, string> = {
      met_possible_victim: 'radiogroup',
      met_count: 'radiogroup',
      actions_taken: 'checkbox',
      why_not_acted: 'checkbox',
      knows_where_to_refer: 'radiogroup',
      training_received: 'radiogroup',
      training_topics_needed: 'checkbox',
      training_formats: 'checkbox',
      comment: 'comment',
    }
    for (const [name, type] of Object.entries(expected)) {
      expect(model.getQuestionByName(name)?.getType(), name).toBe(type)
    }
    const counts = (model.getQuestionByName('met_count') as QuestionSelectBase).choices
    expect(counts.map((choice) => choice.value)).toEqual(['once', '2_5', 'more_than_5'])
  })

  it('collects no identifying data', () => {
    const model = newModel()
    const identifying = /name|e_?mail|phone|birth|address|workplace|employer|(^|_)age(_|$|s)/
    for (const question of model.getAllQuestions()) {
      expect(question.name).toMatch(SNAKE_CASE)
      expect(question.name, 'question name suggests identifying data').not.toMatch(identifying)
    }
    // No free-text "other" boxes: the optional comment is the only place to type.
    const freeText = jsonQuestions().filter((q) =>
      ['text', 'comment', 'multipletext'].includes(String(q.type)),
    )
    expect(freeText.map((q) => q.name)).toEqual(['comment'])
    expect(model.getQuestionByName('comment').maxLength).toBe(2000)
    expect(model.getQuestionByName('comment').isRequired).toBe(false)
    for (const question of jsonQuestions()) {
      expect(question.showOtherItem, String(question.name)).toBeFalsy()
      expect(question.showCommentArea, String(question.name)).toBeFalsy()
    }
  })
})
