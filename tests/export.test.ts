import { describe, expect, it } from 'vitest'
import { listAudit } from '../db/queries/audit-log.js'
import { parseCsv } from './csv.js'
import { createTestContext } from './helpers.js'
import { base, downloadText, exportSetup, releasedSample } from './export-setup.js'

type Summary = {
  counts: Record<string, number>
  items?: Record<string, Record<string, number>>
  mean?: number
  median?: number | null
  sd?: number | null
  shareCorrect?: number
}
type Group = {
  key: Record<string, string>
  suppressed: boolean
  n?: number
  knowledgeScore?: number | null
  questions?: Record<string, Summary>
}

const num = (field: string) => (field === '' ? null : Number(field))
const pct = (share: number | null | undefined) =>
  share === null || share === undefined ? null : Math.round(share * 1000) / 10
const round = (value: number | null | undefined, digits: number) =>
  value === null || value === undefined ? null : Math.round(value * 10 ** digits) / 10 ** digits

type Body = { by: string[]; total: Group; groups: Group[] }

/**
 * Every figure of the aggregates bodies (the requested table, then the one-way tables), as the
 * CSV must show it: keyed by table, every dimension ("(all)" outside the table), question, item
 * and value; percentages 0-100 with one decimal, means and sds with two.
 */
function expectedRows(bodies: Body[], dims: string[]) {
  const expected = new Map<string, Record<string, unknown>>()
  const add = (table: string, key: Record<string, string>, group: Group) => {
    const cells = dims.map((d) => key[d] ?? '(all)')
    if (group.suppressed) {
      expected.set(JSON.stringify([table, ...cells, '', '', '']), {
        suppressed: 'TRUE',
        n: null,
        count: null,
      })
      return
    }
    // A group shown with its n only (no statistics, decision 007) is one row without figures.
    if (Object.keys(group.questions ?? {}).length === 0) {
      expected.set(JSON.stringify([table, ...cells, '', '', '']), {
        suppressed: 'FALSE',
        n: group.n,
        count: null,
        knowledge_score_percent: pct(group.knowledgeScore),
        mean: null,
        median: null,
        sd: null,
        share_correct_percent: null,
      })
    }
    for (const [question, s] of Object.entries(group.questions ?? {})) {
      const values: [string, string, number][] = Object.entries(s.counts).map(([v, c]) => ['', v, c])
      for (const [item, counts] of Object.entries(s.items ?? {})) {
        for (const [v, c] of Object.entries(counts)) values.push([item, v, c])
      }
      for (const [item, value, count] of values) {
        expected.set(JSON.stringify([table, ...cells, question, item, value]), {
          suppressed: 'FALSE',
          n: group.n,
          count,
          knowledge_score_percent: pct(group.knowledgeScore),
          mean: round(s.mean, 2),
          median: s.median ?? null,
          sd: round(s.sd, 2),
          share_correct_percent: pct(s.shareCorrect),
        })
      }
    }
  }
  add('total', {}, { ...bodies[0].total, key: {}, suppressed: Boolean(bodies[0].total.suppressed) })
  for (const body of bodies) {
    for (const group of body.groups) add(body.by.join(' x '), group.key, group)
  }
  return expected
}

function actualRows(csv: string, dims: string[]) {
  const { header, rows } = parseCsv(csv)
  expect(header).toEqual([
    'table',
    ...dims.flatMap((d) => [d, `${d}_label`]),
    'suppressed',
    'n',
    'knowledge_score_percent',
    'question',
    'question_label',
    'item',
    'item_label',
    'value',
    'value_label',
    'count',
    'percent',
    'mean',
    'median',
    'sd',
    'share_correct_percent',
  ])
  const actual = new Map<string, Record<string, unknown>>()
  for (const row of rows) {
    const id = JSON.stringify([
      row.table,
      ...dims.map((d) => row[d]),
      row.question,
      row.item,
      row.value,
    ])
    expect(actual.has(id)).toBe(false)
    if (row.suppressed === 'TRUE') {
      for (const field of header.slice(1 + 2 * dims.length + 1)) expect(row[field]).toBe('')
      actual.set(id, { suppressed: 'TRUE', n: null, count: null })
      continue
    }
    const n = num(row.n)!
    if (row.count !== '') {
      expect(num(row.percent)).toBe(Math.round((1000 * Number(row.count)) / n) / 10)
    }
    actual.set(id, {
      suppressed: row.suppressed,
      n,
      count: num(row.count),
      knowledge_score_percent: num(row.knowledge_score_percent),
      mean: num(row.mean),
      median: num(row.median),
      sd: num(row.sd),
      share_correct_percent: num(row.share_correct_percent),
    })
  }
  return { actual, rows }
}

// The release's one-way tables: its dimensions, then the bundled questionnaire's level (issue 22).
const DIMENSIONS = ['sector', 'region', 'profession', 'region.area']

describe('aggregate export', () => {
  it.each(['sector', 'sector,region', 'region,profession'])(
    'CSV holds exactly the figures of the aggregates endpoint: the table and every one-way table (by=%s)',
    async (by) => {
      const setup = await exportSetup(await createTestContext())
      await releasedSample(setup)
      const get = async (query: string) =>
        (await setup.researcher.get(`${base}/aggregates?by=${query}`)).json()
      const requested = by.split(',')
      const oneWay = DIMENSIONS.filter((d) => requested.length > 1 || d !== requested[0])
      const bodies: Body[] = [await get(by), ...(await Promise.all(oneWay.map(get)))]
      expect(bodies[0].groups.some((g: Group) => !g.suppressed)).toBe(true)
      expect(bodies[0].groups.some((g: Group) => g.suppressed)).toBe(true)
      const res = await setup.researcher.get(`${base}/export?format=csv&by=${by}`)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="counter-trafficking-release-1-by-${by.replace(',', '-')}.csv"`,
      )
      const dims = [...new Set([...requested, ...DIMENSIONS])]
      const { actual } = actualRows(await downloadText(res), dims)
      expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expectedRows(bodies, dims)))
    },
  )

  it('adds median and sd to numeric questions, from the published distribution', async () => {
    const setup = await exportSetup(await createTestContext())
    await releasedSample(setup)
    const body = await (await setup.researcher.get(`${base}/aggregates?by=sector`)).json()
    const values = [
      ...Array(9).fill(5),
      ...Array(8).fill(1),
      ...Array(7).fill(3),
      ...Array(6).fill(2),
      4,
      4,
    ]
    const mean = values.reduce((a, b) => a + b) / values.length
    const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1))
    const sorted = [...values].sort((a, b) => a - b)
    const median = (sorted[15] + sorted[16]) / 2
    const stats = body.total.questions.confidence_identify
    expect(stats.median).toBe(median)
    expect(stats.sd).toBeCloseTo(sd, 12)
    expect(stats.mean).toBeCloseTo(mean, 12)
  })

  it('JSON is the aggregates body, as a download', async () => {
    const setup = await exportSetup(await createTestContext())
    await releasedSample(setup)
    const aggregates = await (
      await setup.researcher.get(`${base}/aggregates?by=sector&release=1`)
    ).json()
    const res = await setup.researcher.get(`${base}/export?format=json&by=sector&release=1`)
    expect(res.headers.get('content-disposition')).toContain(
      'counter-trafficking-release-1-by-sector.json',
    )
    expect(await res.json()).toEqual(aggregates)
  })

  it('before any release shows what aggregates show: the total count, every group suppressed', async () => {
    const setup = await exportSetup(await createTestContext())
    await setup.answer(7, { sector: 'primary_health_care', region: 'helsinki' })
    const csv = await downloadText(await setup.researcher.get(`${base}/export?by=sector`))
    const { rows } = parseCsv(csv)
    expect(rows[0]).toMatchObject({
      table: 'total',
      sector: '(all)',
      suppressed: 'FALSE',
      n: '5', // 7 live responses, rounded down to a multiple of 5 (decision 007)
      question: '',
      count: '',
    })
    expect(rows.slice(1).every((row) => row.suppressed === 'TRUE' && row.n === '')).toBe(true)
    // The sector table's 10 groups, then the one-way tables of the other dimensions.
    expect(rows.filter((row) => row.table === 'sector')).toHaveLength(10)
    expect(rows.filter((row) => row.table === 'total')).toHaveLength(1)
  })

  it('is recorded in the audit log, with what was exported and nothing about respondents', async () => {
    const setup = await exportSetup(await createTestContext())
    await releasedSample(setup)
    await setup.researcher.get(`${base}/export?format=json&by=sector`)
    const [entry] = await listAudit(setup.db, { limit: 1 })
    expect(entry).toMatchObject({
      actor: 'rasmus',
      action: 'export',
      target: 'counter-trafficking',
      details: { level: 'aggregates', format: 'json', release: 1, by: ['sector'] },
    })
  })

  it('refuses wrong parameters and roles the way aggregates do, and changes nothing', async () => {
    const { researcher, app, db } = await exportSetup(await createTestContext())
    const expectError = async (path: string, status: number, code: string) => {
      const res = await researcher.get(path)
      expect(res.status).toBe(status)
      expect((await res.json()).error.code).toBe(code)
    }
    await expectError(`${base}/export?format=pdf`, 422, 'invalid_format')
    await expectError(`${base}/export?level=people`, 422, 'invalid_level')
    await expectError(`${base}/export?by=comment`, 422, 'invalid_dimension')
    await expectError(`${base}/export?release=2`, 404, 'release_not_found')
    await expectError(`${base}/export?version=9`, 404, 'version_not_found')
    await expectError(`/api/admin/surveys/nope/export`, 404, 'survey_not_found')
    await expectError(`${base}/export?level=responses&format=csv`, 403, 'forbidden')
    expect((await app.request(`${base}/export`)).status).toBe(401)
    expect(await listAudit(db, { limit: 10 })).toEqual([])
  })

  it('keeps Finnish and Swedish characters intact in UTF-8 with a byte order mark', async () => {
    const setup = await exportSetup(await createTestContext())
    const res = await setup.researcher.get(`${base}/codebook?format=csv`)
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    expect(text).toContain('Millä sektorilla työskentelet pääasiassa?')
    expect(text).toContain('Inom vilken sektor arbetar du huvudsakligen?')
  })
})
