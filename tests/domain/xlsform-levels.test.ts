import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { exportXlsForm, importXlsForm } from '../../server/authoring/xlsform/index.js'
import { parseForm } from '../../server/authoring/xlsform/parse-form.js'
import { asWorkbook, writeForm } from '../../server/authoring/xlsform/write-form.js'
import { readDimensions } from '../../server/domain/dimensions.js'

type Json = Record<string, unknown>
const name = fc.stringMatching(/^[a-z][a-z0-9_]{0,7}$/)
// Cells are trimmed, and `${q}` is how a text pipes an answer in: neither is a text's own.
const cellText = fc
  .string({ minLength: 1, maxLength: 12 })
  .map((s) => s.replace(/[${}]/g, '').trim())
  .filter((s) => s !== '')

/** A text as a form in these languages holds it: plain, or per language (`default` always). */
const textIn = (languages: boolean): fc.Arbitrary<unknown> =>
  languages
    ? fc.record(
        { default: cellText, fi: cellText, sv: cellText },
        { requiredKeys: ['default'], noNullPrototype: true },
      )
    : cellText

/** A dimension question and a level of it: its choices cut into two or more groups. */
const dimensionWithLevel = (of: string, languages: boolean) =>
  fc
    .uniqueArray(name, { minLength: 2, maxLength: 8 })
    .chain((values) =>
      fc.record({
        values: fc.constant(values),
        order: fc.shuffledSubarray(values, { minLength: values.length }),
        cuts: fc.uniqueArray(fc.integer({ min: 1, max: values.length - 1 }), {
          minLength: 1,
          maxLength: 3,
        }),
        groupValues: fc.uniqueArray(cellText, { minLength: 4, maxLength: 4 }),
        level: name,
        title: fc.option(textIn(languages), { nil: undefined }),
        texts: fc.array(fc.option(textIn(languages), { nil: undefined }), {
          minLength: 4,
          maxLength: 4,
        }),
      }),
    )
    .map(({ values, order, cuts, groupValues, level, title, texts }) => {
      const edges = [0, ...[...cuts].sort((a, b) => a - b), values.length]
      const groups = edges.slice(1).map((end, i) => {
        const group: Json = { value: groupValues[i] }
        if (texts[i] !== undefined) group.text = texts[i]
        group.members = order.slice(edges[i], end)
        return group
      })
      const declared: Json = { name: level, of }
      if (title !== undefined) declared.title = title
      declared.groups = groups
      const question = {
        type: 'radiogroup',
        name: of,
        // A text in every language, so the form has them (a level text may lack one).
        title: languages ? { default: of, fi: `${of} fi`, sv: `${of} sv` } : of,
        choices: values.map((value) => ({ value })),
      }
      return { question, level: declared }
    })

const definitionWithLevels = fc
  .boolean()
  .chain((languages) =>
    fc.tuple(
      dimensionWithLevel('region', languages),
      fc.option(dimensionWithLevel('sector', languages), { nil: undefined }),
    ),
  )
  .map(([region, sector]) => {
    const both = sector ? [region, sector] : [region]
    return {
      pages: [{ name: 'p1', elements: both.map((d) => d.question) }],
      levels: both.map((d) => d.level),
    }
  })

const sheets = (levels: string[][]) =>
  asWorkbook({
    survey: [
      ['type', 'name', 'label', 'dimension'],
      ['select_one unit', 'unit', 'Unit', 'yes'],
      ['select_one age', 'age', 'Age'],
    ],
    choices: [
      ['list_name', 'name', 'label'],
      ['unit', 'ward', 'Ward'],
      ['unit', 'clinic', 'Clinic'],
      ['unit', 'other', 'Other'],
      ['age', 'young', 'Young'],
      ['age', 'old', 'Old'],
    ],
    settings: [],
    levels: [['level', 'of', 'level_label', 'group', 'label', 'member'], ...levels],
  })
const KIND = [
  ['kind', 'unit', 'Kind', 'inpatient', 'Inpatient', 'ward'],
  ['kind', 'unit', '', 'outpatient', 'Outpatient', 'clinic'],
  ['kind', 'unit', '', 'outpatient', '', 'other'],
]
const problemsOf = (levels: string[][]) => {
  const result = parseForm(sheets(levels))
  return result.ok ? [] : result.problems.map((p) => [p.sheet, p.row, p.column, p.message])
}

describe('levels in the spreadsheet', () => {
  it('import(export(definition)) keeps any levels exactly (fast-check)', () => {
    fc.assert(
      fc.property(definitionWithLevels, (definition) => {
        expect(readDimensions(definition).errors).toEqual([])
        const out = writeForm(definition, { formId: 'x' })
        if (!out.ok) throw new Error(JSON.stringify(out.problems))
        const back = parseForm(asWorkbook(out.sheets))
        if (!back.ok) throw new Error(JSON.stringify(back.problems))
        expect(back.definition.levels).toStrictEqual(definition.levels)
      }),
      { numRuns: Number(process.env.FC_RUNS) || 100 },
    )
  })

  it('... and so does the .xlsx file (fewer runs: exceljs takes 0.1 s a file)', async () => {
    await fc.assert(
      fc.asyncProperty(definitionWithLevels, async (definition) => {
        const out = await exportXlsForm(definition, { formId: 'x' })
        if (!out.ok) throw new Error(JSON.stringify(out.problems))
        const back = await importXlsForm(out.file)
        if (!back.ok) throw new Error(JSON.stringify(back.problems))
        expect(back.definition.levels).toStrictEqual(definition.levels)
      }),
      { numRuns: 30 },
    )
  })

  it('reads a row per member; texts given once or alike on every row', () => {
    const result = parseForm(sheets(KIND))
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.definition.levels).toStrictEqual([
      {
        name: 'kind',
        of: 'unit',
        title: 'Kind',
        groups: [
          { value: 'inpatient', text: 'Inpatient', members: ['ward'] },
          { value: 'outpatient', text: 'Outpatient', members: ['clinic', 'other'] },
        ],
      },
    ])
    const label = (group: string) => (group === 'inpatient' ? 'Inpatient' : 'Outpatient')
    const repeated = KIND.map(([l, of, , group, , member]) => {
      return [l, of, 'Kind', group, label(group), member]
    })
    const again = parseForm(sheets(repeated))
    expect(again.ok && again.definition.levels).toStrictEqual(result.definition.levels)
    const none = parseForm(sheets([]))
    expect(none.ok && Object.keys(none.definition)).not.toContain('levels')
  })

  it.each([
    [
      'an unknown dimension',
      [['kind', 'age', 'Kind', 'a', 'A', 'young'], ['kind', 'age', '', 'b', 'B', 'old']],
      [['levels', 2, 'of', expect.stringMatching(/"age" is not a dimension/)]],
    ],
    [
      'a member in two groups',
      [...KIND, ['kind', 'unit', '', 'inpatient', '', 'other']],
      [['levels', 5, 'member', expect.stringMatching(/"other" is already in group "outpatient"/)]],
    ],
    [
      'a missing member',
      KIND.slice(0, 2),
      [['levels', 2, 'member', expect.stringMatching(/missing: other/)]],
    ],
    [
      'a member that is not a choice',
      [...KIND, ['kind', 'unit', '', 'outpatient', '', 'elsewhere']],
      [['levels', 5, 'member', expect.stringMatching(/"elsewhere" is not a choice of unit/)]],
    ],
    [
      'two labels for one group',
      [...KIND.slice(0, 2), ['kind', 'unit', '', 'outpatient', 'Clinics', 'other']],
      [['levels', 4, 'label', expect.stringMatching(/group "outpatient" has another label/)]],
    ],
    [
      'a row without its group',
      [...KIND.slice(0, 2), ['kind', 'unit', '', '', '', 'other']],
      [
        ['levels', 4, 'group', expect.any(String)],
        ['levels', 2, 'member', expect.stringMatching(/missing: other/)],
      ],
    ],
    [
      'a level of one group (the definition rules, at its first row)',
      KIND.map(([l, of, title, , , member]) => [l, of, title, 'all', '', member]),
      [['levels', 2, 'level', expect.stringMatching(/at least two "groups"/)]],
    ],
    [
      'a level name the definition refuses',
      KIND.map((row) => ['Kind', ...row.slice(1)]),
      [['levels', 2, 'level', expect.stringMatching(/lower-case/)]],
    ],
  ])('refuses %s with its sheet, row and column', (_, levels, expected) => {
    expect(problemsOf(levels)).toEqual(expected)
  })

  it('exports nothing it cannot read back: a level property of its own is refused', () => {
    const definition = {
      elements: [{ type: 'radiogroup', name: 'region', choices: ['a', 'b'] }],
      levels: [{ name: 'half', of: 'region', colour: 'red', groups: [] }],
    }
    const out = writeForm(definition, { formId: 'x' })
    expect(out.ok).toBe(false)
    if (out.ok) return
    expect(out.problems).toEqual([{ question: '', message: expect.stringMatching(/colour/) }])
  })
})
