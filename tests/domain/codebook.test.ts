import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { buildCodebook } from '../../server/domain/codebook.js'
import { codebookMarkdown } from '../../server/exports/formats/codebook-markdown.js'
import { codebookTable } from '../../server/exports/formats/codebook-table.js'
import { miniSurvey } from '../fixtures.js'

const CONFORMANCE = fileURLToPath(new URL('./fixtures/conformance/', import.meta.url))
const bundled = JSON.parse(
  readFileSync(
    fileURLToPath(new URL('../../surveys/counter-trafficking.json', import.meta.url)),
    'utf8',
  ),
)

describe('buildCodebook', () => {
  const codebook = buildCodebook(bundled)
  const entry = (name: string) => codebook.entries.find((e) => e.name === name)!

  it('lists every question in questionnaire order, with its page', () => {
    expect(codebook.entries.map((e) => e.name).slice(0, 4)).toEqual([
      'sector',
      'profession',
      'region',
      'knowledge_border',
    ])
    expect(codebook.entries).toHaveLength(24)
    expect(entry('comment')).toMatchObject({
      type: 'comment',
      page: 'training_needs',
      summary: 'free text',
    })
  })

  it('gives titles and value labels in Finnish, Swedish and English', () => {
    expect(codebook.locales).toEqual(['fi', 'sv', 'en'])
    expect(entry('sector').title).toEqual({
      fi: 'Millä sektorilla työskentelet pääasiassa?',
      sv: 'Inom vilken sektor arbetar du huvudsakligen?',
      en: 'In which sector do you mainly work?',
    })
    expect(entry('sector').values[0]).toEqual({
      value: 'specialised_hospital_care',
      label: {
        fi: 'Erikoissairaanhoito',
        sv: 'Specialiserad sjukvård',
        en: 'Specialised hospital care',
      },
    })
  })

  it('marks dimensions, correct answers and the logic that shows a question', () => {
    expect(codebook.entries.filter((e) => e.isDimension).map((e) => e.name)).toEqual([
      'sector',
      'profession',
      'region',
    ])
    expect(entry('knowledge_border').correctAnswer).toBe('false')
    expect(entry('indicators')).toMatchObject({ multiple: true, type: 'checkbox' })
    expect(entry('why_not_acted').visibleIf).toBe(
      "{met_possible_victim} anyof ['yes', 'not_sure'] and {actions_taken} contains 'nothing'",
    )
    expect(entry('confidence_identify')).toMatchObject({ summary: 'numeric' })
    expect(entry('confidence_identify').values.map((v) => v.value)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
    ])
  })

  it('falls back to the default text where a language is missing', () => {
    const mini = buildCodebook(miniSurvey)
    expect(mini.entries.find((e) => e.name === 'sector')!.values[0].label).toEqual({
      fi: 'hospital',
      sv: 'hospital',
      en: 'hospital',
    })
    expect(mini.title).toEqual({ fi: 'Minikysely', sv: 'Minienkät', en: 'Mini survey' })
  })

  it.each(readdirSync(CONFORMANCE).filter((f) => f.endsWith('.json')))(
    'describes every question of %s, including dynamic panels, matrices and conditions',
    (file) => {
      const definition = JSON.parse(readFileSync(CONFORMANCE + file, 'utf8'))
      const codebook = buildCodebook(definition)
      expect(codebook.entries.length).toBeGreaterThan(0)
      for (const e of codebook.entries) {
        expect(e.name).not.toBe('')
        for (const locale of codebook.locales) expect(typeof e.title[locale]).toBe('string')
      }
      const table = codebookTable(codebook)
      for (const row of table.rows) expect(row).toHaveLength(table.header.length)
      expect(codebookMarkdown(codebook, file)).toContain(`## \`${codebook.entries[0].name}`)
    },
  )

  it('lists the questions inside a dynamic panel under it', () => {
    const definition = JSON.parse(
      readFileSync(CONFORMANCE + '06-blood-relatives-paneldynamic.json', 'utf8'),
    )
    const nested = buildCodebook(definition).entries.filter((e) => e.parent === 'relatives')
    expect(nested.map((e) => e.name)).toContain('relativeType')
  })
})
