import { unzipSync } from 'fflate'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { freeTextProbe, typed } from './free-text-fixtures.js'
import { createTestContext, createUser, postJson, signedInClient, signIn } from './helpers.js'

// Issue 14, finding 1: text a respondent types never becomes a counted or exported value, even
// when every respondent of a group types the same (so no small-cell rule would hide it).
const PASSWORD = 'correct horse battery staple'
const base = '/api/admin/surveys/probe'

async function released() {
  const ctx = await createTestContext({ loadBundled: false })
  await createUser(ctx.db, 'anna', 'admin', PASSWORD)
  const admin = signedInClient(ctx.app, await signIn(ctx.app, 'anna', PASSWORD))
  const definition = freeTextProbe
  expect((await admin.post('/api/admin/surveys', { slug: 'probe', definition })).status).toBe(201)
  expect((await admin.post(`${base}/publish`)).status).toBe(200)
  for (let i = 0; i < 6; i++) {
    const res = await postJson(ctx.app, '/api/surveys/probe/responses', { answers: typed })
    expect(res.status, await res.text()).toBe(201)
  }
  // The final release: the response-level file is made for it only (decision 007).
  expect((await admin.post(`${base}/close`)).status).toBe(200)
  return { ...ctx, admin }
}

/** A download as text; zip files (XLSX, the response-level zip) entry by entry. */
async function textOf(res: Response) {
  const bytes = new Uint8Array(await res.arrayBuffer())
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b
  const parts = isZip ? Object.values(unzipSync(bytes)) : [bytes]
  return parts.map((part) => new TextDecoder().decode(part)).join('\n')
}

const DOWNLOADS = [
  '/aggregates',
  '/aggregates?by=sector',
  '/export?format=csv&by=sector',
  '/export?format=xlsx&by=sector',
  '/export?format=json&by=sector',
  '/export?level=responses&format=csv',
  '/export?level=responses&format=zip',
  '/codebook?format=json',
  '/codebook?format=csv',
  '/codebook?format=md',
  '/timeline',
]

describe('free text in results and exports', { timeout: 60_000 }, () => {
  it('appears in no aggregate, export, codebook or timeline', async () => {
    const { admin } = await released()
    const leaks: string[] = []
    for (const path of DOWNLOADS) {
      const res = await admin.get(`${base}${path}`)
      expect(res.status, path).toBe(200)
      if ((await textOf(res)).includes('Virtanen')) leaks.push(path)
    }
    expect(leaks).toEqual([])
  })

  it('listed choices are still counted; "other" as the other item', async () => {
    const { admin } = await released()
    const body = await (await admin.get(`${base}/aggregates?by=sector`)).json()
    expect(body.total.questions).toEqual({
      custom: { counts: { listed: 6 } },
      other_one: { counts: { other: 6 } },
      other_many: { counts: { a: 6, other: 6 } },
      m: { counts: {}, items: { 'r1.c.x': { x: 6 } } },
    })
  })

  it('is in no stored answer row, running count or release table', async () => {
    const { db } = await released()
    for (const table of ['response_values', 'response_counts', 'release_tables']) {
      const { rows } = await sql<{ n: number | string }>`
        select count(*) as n from ${sql.table(table)}
        where item like '%Virtanen%' or value like '%Virtanen%'`.execute(db)
      expect(Number(rows[0].n), table).toBe(0)
    }
  })
})
