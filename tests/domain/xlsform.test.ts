import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { Model } from 'survey-core'
import { describe, expect, it } from 'vitest'
import { importXlsForm, exportXlsForm } from '../../server/authoring/xlsform/index.js'
import { parseForm } from '../../server/authoring/xlsform/parse-form.js'
import { asWorkbook, writeForm } from '../../server/authoring/xlsform/write-form.js'
import { xpathToSurveyJs } from '../../server/authoring/xlsform/expressions.js'
import { validateAnswers } from '../../server/domain/validate-answers.js'
import { answerGenerator } from '../bench/answers.js'
import { handmadeXlsx, MISSING_LABEL } from '../fixtures/xlsform/handmade.js'
import { lyingZipBomb } from '../xlsform-fixtures.js'

type Json = Record<string, unknown>
const BUNDLED = JSON.parse(
  readFileSync(new URL('../../surveys/counter-trafficking.json', import.meta.url), 'utf8'),
) as Json

async function roundTrip(definition: Json): Promise<Json> {
  const out = await exportXlsForm(definition, { formId: 'x', version: 1 })
  if (!out.ok) throw new Error(JSON.stringify(out.problems))
  const back = await importXlsForm(out.file)
  if (!back.ok) throw new Error(JSON.stringify(back.problems))
  expect(back.warnings).toEqual([])
  return back.definition
}
const again = await roundTrip(BUNDLED)

/** Every text a respondent can see, per language, read by survey-core itself. */
function texts(definition: Json, locale: string) {
  const model = new Model(definition)
  model.locale = locale
  const seen: Record<string, unknown> = {
    title: model.title,
    description: model.description,
    completed: model.completedHtml,
  }
  for (const page of model.pages) seen[`page ${page.name}`] = [page.title, page.description]
  for (const q of model.getAllQuestions()) {
    const r = q as unknown as Json
    seen[q.name] = [
      q.title,
      q.description,
      r.minRateDescription,
      r.maxRateDescription,
      ((r.choices as { value: unknown; text: string }[]) ?? []).map((c) => [c.value, c.text]),
    ]
  }
  model.dispose()
  return seen
}

describe('the bundled questionnaire exported as XLSForm and imported again', () => {
  it('has the same texts in every language', () => {
    for (const locale of ['', 'en', 'fi', 'sv']) {
      expect(texts(again, locale)).toEqual(texts(BUNDLED, locale))
    }
  })

  it('is the same definition but for how its three conditions are spelled', () => {
    const strip = (d: Json) =>
      JSON.parse(JSON.stringify(d).replace(/"visibleIf":"[^"]*"/g, '"visibleIf":""'))
    expect(strip(again)).toEqual(strip(BUNDLED))
  })

  it('accepts and refuses exactly the same answers (fast-check)', () => {
    const mutate = fc.tuple(
      fc.constantFrom(
        'sector',
        'met_possible_victim',
        'met_count',
        'actions_taken',
        'why_not_acted',
        'comment',
        'indicators',
        'confidence_help',
      ),
      fc.oneof(
        fc.constant(undefined),
        fc.constantFrom(
          'yes',
          'not_sure',
          'no',
          'nothing',
          ['nothing'],
          ['nothing', 'reported'],
          7,
          'x'.repeat(2001),
        ),
        fc.jsonValue({ maxDepth: 2 }),
      ),
    )
    const answers = fc
      .tuple(fc.integer(), fc.array(mutate, { maxLength: 3 }))
      .map(([seed, edits]) => {
        const a = answerGenerator(BUNDLED, seed).answers()
        for (const [key, value] of edits) {
          if (value === undefined) delete a[key]
          else a[key] = value
        }
        return a
      })
    let accepted = 0
    fc.assert(
      fc.property(answers, (a) => {
        const before = validateAnswers(BUNDLED, structuredClone(a))
        expect(validateAnswers(again, structuredClone(a))).toEqual(before)
        if (before.ok) accepted++
      }),
      { numRuns: Number(process.env.FC_RUNS) || 150 },
    )
    // Both outcomes are exercised, or the comparison would prove little.
    expect(accepted).toBeGreaterThan(10)
    expect(accepted).toBeLessThan(140)
  })
})

describe('a hand-made XLSForm', () => {
  it('imports, and the label missing in Swedish is a warning with its row and column', async () => {
    const result = await importXlsForm(await handmadeXlsx())
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.warnings).toContainEqual(expect.objectContaining(MISSING_LABEL))
    expect(result.warnings).toHaveLength(2) // and the `start` row, not collected
    const model = new Model(result.definition)
    expect(model.getQuestionByName('signs').visibleIf).toBe("{border} = 'false'")
    expect(result.definition.dimensions).toEqual(['unit'])
    const ok = validateAnswers(result.definition, {
      unit: 'ward',
      years: 3,
      border: 'false',
      signs: ['debt'],
    })
    expect(ok.ok).toBe(true)
    const fraction = validateAnswers(result.definition, {
      unit: 'ward',
      years: 2.5,
      border: 'true',
    })
    expect(fraction.ok).toBe(false)
    const tooMany = validateAnswers(result.definition, { unit: 'ward', years: 60, border: 'true' })
    expect(tooMany.ok).toBe(false)
  })

  it('refuses an expression outside the subset with its row and column', async () => {
    const file = await handmadeXlsx((rows) => {
      rows[9][6] = 'today() > 3'
      rows[10][7] = '. + 1 > 2'
    })
    const result = await importXlsForm(file)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.problems).toEqual([
      expect.objectContaining({ sheet: 'survey', row: 10, column: 'relevant' }),
      expect.objectContaining({ sheet: 'survey', row: 11, column: 'constraint' }),
    ])
  })

  it('refuses unknown types, lists and choices, one problem each', () => {
    const book = asWorkbook({
      survey: [
        ['type', 'name', 'label', 'correct'],
        ['geopoint', 'where', 'Where?'],
        ['select_one nolist', 'a', 'A'],
        ['select_one yn', 'b', 'B', 'maybe'],
        ['text', 'b', 'Twice'],
      ],
      choices: [
        ['list_name', 'name', 'label'],
        ['yn', 'yes', 'Yes'],
      ],
      settings: [],
    })
    const result = parseForm(book)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'type'],
      [3, 'type'],
      [4, 'correct'],
      [5, 'name'],
    ])
  })
})

describe('expressions', () => {
  const kinds = new Map([
    ['one', 'one' as const],
    ['many', 'many' as const],
    ['t', 'other' as const],
  ])
  it.each([
    ["selected(${one}, 'a')", "{one} = 'a'"],
    ["selected(${many}, 'a')", "{many} contains 'a'"],
    [
      'count-selected(${many}) >= 2 and string-length(${t}) < 5',
      '(count({many}) >= 2) and ({t.length} < 5)',
    ],
    ["not(${t} = '') or ${one} != 'b'", "(!({t} empty)) or ({one} != 'b')"],
  ])('%s -> %s', (xpath, surveyJs) => {
    expect(xpathToSurveyJs(xpath, { kinds })).toEqual({ ok: true, text: surveyJs })
  })
  it.each([
    '${one} + 1 > 2',
    "if(${t} = 'a', 1, 2)",
    '${nobody} = 1',
    '. > 1',
    "selected(${t}, 'a')",
    "${t} = 'a",
  ])('refuses %s', (xpath) => {
    expect(xpathToSurveyJs(xpath, { kinds }).ok).toBe(false)
  })
})

describe('export', () => {
  it('refuses what XLSForm cannot say, naming the question', () => {
    const out = writeForm(
      { elements: [{ type: 'matrix', name: 'm', columns: ['a'], rows: ['r'] }] },
      { formId: 'x' },
    )
    expect(out.ok).toBe(false)
    if (out.ok) return
    expect(out.problems.map((p) => p.question)).toContain('m')
    expect(out.problems.some((p) => /matrix/.test(p.message))).toBe(true)
  })

  it('never unpacks a zip past the sizes it declares', async () => {
    const result = await importXlsForm(lyingZipBomb(64))
    expect(result.ok).toBe(false)
  })
})
