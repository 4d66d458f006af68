import { describe, expect, it } from 'vitest'
import { BUNDLED_SLUG } from './helpers.js'
import { answersWith, base, knowledgeSetup, seeded } from './knowledge/setup.js'

const KEYS = ['by', 'comparison', 'groups', 'minGroupSize', 'release', 'survey', 'total']
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0)
/** What a reader can subtract: 0 (nothing hidden) or at least k respondents. */
const safe = (hidden: number) => hidden === 0 || hidden >= 5

describe('GET .../knowledge', () => {
  it('shows the total n only before the first release, like the aggregates', async () => {
    const s = await knowledgeSetup()
    for (let i = 0; i < 7; i++) await s.submit(answersWith([], { region: 'helsinki' }))
    const res = await s.researcher.get(`${base}/knowledge?by=sector`)
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(Object.keys(body).sort()).toEqual(KEYS)
    expect(body).toMatchObject({ survey: BUNDLED_SLUG, release: null, minGroupSize: 5 })
    const aggregates = await (await s.researcher.get(`${base}/aggregates?by=sector`)).json()
    expect(body.total).toEqual(aggregates.total) // n only, as the aggregates show it
    expect(body.comparison).toBeNull()
    for (const group of body.groups)
      expect(Object.keys(group).sort()).toEqual(['key', 'suppressed'])
  })

  it('gives score, items and self-rating of released responses, groups hidden as the aggregates hide them', async () => {
    const s = await knowledgeSetup()
    const dims = (sector: string, region = 'helsinki') => ({ sector, region })
    // primary care: 6 all right (rating 5), 4 with two wrong (rating 2); social services: 5 with
    // knowledge_border wrong (rating 4); 2 in ambulances (a small group).
    for (let i = 0; i < 6; i++)
      await s.submit(answersWith([], { ...dims('primary_health_care'), confidence_identify: 5 }))
    for (let i = 0; i < 4; i++) {
      // One indicator missed: the checklist is scored per option, so one item of its 12.
      const wrong = ['knowledge_border', 'indicators.fear_anxiety']
      await s.submit(answersWith(wrong, { ...dims('primary_health_care'), confidence_identify: 2 }))
    }
    for (let i = 0; i < 5; i++) {
      await s.submit(
        answersWith(['knowledge_border'], { ...dims('social_services'), confidence_identify: 4 }),
      )
    }
    for (let i = 0; i < 2; i++)
      await s.submit(answersWith([], { ...dims('emergency_ambulance', 'lappi') }))
    expect((await s.admin.post(`${base}/releases`)).status).toBe(201)
    await s.submit(answersWith([], dims('primary_health_care'))) // after the release: not counted

    const body = await (await s.researcher.get(`${base}/knowledge?by=sector`)).json()
    const aggregates = await (await s.researcher.get(`${base}/aggregates?by=sector`)).json()
    expect(Object.keys(body).sort()).toEqual(KEYS)
    expect(body.release).toBe(1)
    expect(body.total.n).toBe(17)
    // Exactly the aggregates' groups and pattern.
    expect(body.groups.map((g: any) => [g.key, g.suppressed, g.n])).toEqual(
      aggregates.groups.map((g: any) => [g.key, g.suppressed, g.n]),
    )
    for (const group of body.groups) {
      if (group.suppressed) expect(Object.keys(group).sort()).toEqual(['key', 'suppressed'])
    }
    const primary = body.groups.find((g: any) => g.key.sector === 'primary_health_care')
    expect(primary.n).toBe(10)
    // 21 items: 8 true/false, 12 indicators (per option), the referral.
    expect(primary.score.mean).toBeCloseTo((6 * 21 + 4 * 19) / 10, 12)
    expect(primary.score.max).toBe(21)
    expect(primary.score.distribution).toEqual({})
    const border = primary.items.find((i: any) => i.name === 'knowledge_border')
    expect(border).toMatchObject({ name: 'knowledge_border', n: 10, correct: 6, share: 0.6 })
    // Wilson 95 % interval of 6/10, from R: prop.test(6, 10, correct = FALSE)$conf.int
    expect(border.ci[0]).toBeCloseTo(0.3126738, 6)
    expect(border.ci[1]).toBeCloseTo(0.8318197, 6)
    expect(primary.reliability).toBeNull() // fewer than 30 respondents
    expect(primary.selfRating.question).toBe('confidence_identify')
    expect(primary.selfRating.values).toEqual([
      { value: 1, suppressed: true },
      { value: 2, suppressed: true },
      { value: 3, suppressed: true },
      { value: 4, suppressed: true },
      { value: 5, suppressed: true },
    ])
    // The total: score 21 x 8 (incl. the ambulances), 20 x 5, 19 x 4; ratings 5:6, 2:4, 4:5, 4:2.
    // Bins close once the total has k: 19 (4 people) joins 20 (5).
    expect(body.total.score.distribution).toEqual({ '0-20': 9, '21': 8 })
    const values = body.total.selfRating.values
    const four = values.find((v: any) => v.value === 4)
    expect(four).toMatchObject({ value: 4, n: 7 })
    expect(four.meanScore).toBeCloseTo((5 * 20 + 2 * 21) / 7, 12)
    // R: t.test(c(rep(9, 5), 10, 10))$conf.int, shifted by the 11 items more
    expect(four.ci[0]).toBeCloseTo(8.83443576909 + 11, 10)
    expect(four.ci[1]).toBeCloseTo(9.73699280234 + 11, 10)
    // 2 has 4 respondents: hidden, and 5 (6) with it, else 17 - 7 - 6 = 4 would show it.
    expect(values.find((v: any) => v.value === 2)).toEqual({ value: 2, suppressed: true })
    expect(values.find((v: any) => v.value === 5)).toEqual({ value: 5, suppressed: true })
    expect(body.comparison).toBeNull() // one shown group
  })

  it('never lets a hidden count be worked out: what is hidden in a line is 0 or at least k', async () => {
    const s = await knowledgeSetup()
    const random = seeded(7)
    const cells = [
      ['primary_health_care', 'helsinki', 14, 0.8],
      ['primary_health_care', 'pirkanmaa', 9, 0.5],
      ['social_services', 'helsinki', 11, 0.4],
      ['social_services', 'pirkanmaa', 8, 0.6],
      ['emergency_ambulance', 'helsinki', 7, 0.3],
      ['emergency_ambulance', 'lappi', 2, 0.9],
    ] as const
    for (const [sector, region, n, ability] of cells) {
      await s.answerRandomly(n, { sector, region }, random, ability)
    }
    expect((await s.admin.post(`${base}/releases`)).status).toBe(201)
    for (const by of ['sector', 'region', 'sector,region']) {
      const body = await (await s.researcher.get(`${base}/knowledge?by=${by}`)).json()
      // Statistics on exactly the groups the aggregates give them (decision 007), else n only.
      const aggregates = await (await s.researcher.get(`${base}/aggregates?by=${by}`)).json()
      body.groups.forEach((g: any, i: number) => {
        const other = aggregates.groups[i]
        expect([g.key, g.n]).toEqual([other.key, other.n])
        expect(!!g.score, `${by} ${JSON.stringify(g.key)}`).toBe(
          Object.keys(other.questions ?? {}).length > 0,
        )
      })
      // Groups shown with their n only (no statistics on crossing groups) carry no inner counts.
      const shown = [body.total, ...body.groups.filter((g: any) => !g.suppressed && g.score)]
      for (const cell of shown) {
        const bins = Object.values(cell.score.distribution) as number[]
        for (const n of bins) expect(n).toBeGreaterThanOrEqual(5)
        expect(safe(cell.n - sum(bins)), `${by} bins`).toBe(true)
        const rated = cell.selfRating.values.filter((v: any) => !v.suppressed)
        for (const v of rated) expect(v.n).toBeGreaterThanOrEqual(5)
        expect(safe(cell.n - sum(rated.map((v: any) => v.n))), `${by} ratings`).toBe(true)
      }
      // A bin or rating value across the groups, against the total's.
      for (const [label, n] of Object.entries(body.total.score.distribution) as [
        string,
        number,
      ][]) {
        const inGroups = body.groups.map((g: any) =>
          g.score ? (g.score.distribution[label] ?? 0) : 0,
        )
        expect(safe(n - sum(inGroups)), `${by} bin ${label}`).toBe(true)
      }
      for (const v of body.total.selfRating.values.filter((x: any) => !x.suppressed)) {
        const inGroups = body.groups.map((g: any) =>
          g.selfRating ? (g.selfRating.values.find((x: any) => x.value === v.value).n ?? 0) : 0,
        )
        expect(safe(v.n - sum(inGroups)), `${by} rating ${v.value}`).toBe(true)
      }
    }
  })

  it('compares shown groups with Kruskal-Wallis', async () => {
    const s = await knowledgeSetup()
    for (let i = 0; i < 5; i++) await s.submit(answersWith([], { sector: 'primary_health_care' }))
    for (let i = 0; i < 5; i++) {
      await s.submit(
        answersWith(['knowledge_border', 'knowledge_debt'], { sector: 'social_services' }),
      )
    }
    await s.admin.post(`${base}/releases`)
    const body = await (await s.researcher.get(`${base}/knowledge?by=sector`)).json()
    // R: kruskal.test(list(rep(10, 5), rep(8, 5)))
    expect(body.comparison.test).toBe('kruskal-wallis')
    expect(body.comparison.df).toBe(1)
    expect(body.comparison.statistic).toBeCloseTo(9, 9)
    expect(body.comparison.p).toBeCloseTo(0.002699796063, 9)
  })

  it('is read with an API token; refuses bad by and release like the aggregates', async () => {
    const s = await knowledgeSetup()
    const made = await s.researcher.post('/api/admin/tokens', { name: 'R' })
    const { token } = await made.json()
    const res = await s.app.request(`${base}/knowledge?by=sector`, {
      headers: { Authorization: `Bearer ${token}` },
    })
    expect(res.status).toBe(200)
    const bad = await s.researcher.get(`${base}/knowledge?by=comment`)
    expect(bad.status).toBe(422)
    expect((await bad.json()).error.code).toBe('invalid_dimension')
    expect((await s.researcher.get(`${base}/knowledge?release=3`)).status).toBe(404)
    expect((await s.app.request(`${base}/knowledge`)).status).toBe(401)
  })
})

describe('PUT .../baseline', () => {
  const baseline = { label: 'Ross 2015', items: { knowledge_border: { n: 200, correct: 120 } } }

  it('is for admins, audited, and adds the comparison per item', async () => {
    const s = await knowledgeSetup()
    for (let i = 0; i < 6; i++) await s.submit(answersWith([]))
    await s.admin.post(`${base}/releases`)
    expect((await s.researcher.put(`${base}/baseline`, baseline)).status).toBe(403)
    const res = await s.admin.put(`${base}/baseline`, baseline)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ slug: BUNDLED_SLUG, ...baseline })
    const audit = await (await s.admin.get('/api/admin/audit')).json()
    expect(audit.entries[0]).toMatchObject({
      action: 'survey.baseline',
      target: BUNDLED_SLUG,
      details: { label: 'Ross 2015', items: 1 },
    })
    const body = await (await s.researcher.get(`${base}/knowledge`)).json()
    expect(body.baseline).toEqual({ label: 'Ross 2015' })
    const border = body.total.items.find((i: any) => i.name === 'knowledge_border')
    // R: prop.test(c(6, 120), c(6, 200), correct = FALSE)
    expect(border.baseline).toMatchObject({ n: 200, correct: 120, share: 0.6 })
    expect(border.baseline.difference).toBeCloseTo(0.4, 12)
    expect(border.baseline.p).toBeCloseTo(0.0476068857592, 12)
    expect(border.baseline.ci[0]).toBeCloseTo(0.332104855955, 12)
    expect(border.baseline.ci[1]).toBeCloseTo(0.467895144045, 12)
    const other = body.total.items.find((i: any) => i.name === 'knowledge_debt')
    expect(other).not.toHaveProperty('baseline')
  })

  it.each([
    [{ ...baseline, items: { comment: { n: 10, correct: 5 } } }, 422, 'invalid_baseline'],
    [{ ...baseline, items: { knowledge_border: { n: 10, correct: 11 } } }, 422, 'invalid_baseline'],
    [{ ...baseline, items: {} }, 422, 'invalid_baseline'],
    [{ ...baseline, items: { knowledge_border: { n: 0, correct: 0 } } }, 400, 'invalid_body'],
    [{ label: '', items: baseline.items }, 400, 'invalid_body'],
  ])('refuses %j, changing nothing', async (body, status, code) => {
    const s = await knowledgeSetup()
    const res = await s.admin.put(`${base}/baseline`, body)
    expect(res.status).toBe(status)
    expect((await res.json()).error.code).toBe(code)
    const rows = await s.db.selectFrom('survey_baselines').selectAll().execute()
    expect(rows).toEqual([])
  })
})

describe('knowledge exports and codebook', () => {
  it('export exactly what the endpoint shows, and the codebook says how each figure is made', async () => {
    const s = await knowledgeSetup()
    for (let i = 0; i < 6; i++) await s.submit(answersWith([], { sector: 'primary_health_care' }))
    for (let i = 0; i < 5; i++) {
      await s.submit(answersWith(['knowledge_debt'], { sector: 'social_services' }))
    }
    await s.admin.post(`${base}/releases`)
    const body = await (await s.researcher.get(`${base}/knowledge?by=sector`)).json()
    const json = await s.researcher.get(`${base}/export?level=knowledge&format=json&by=sector`)
    expect(await json.json()).toEqual(body)
    const csv = await (await s.researcher.get(`${base}/export?level=knowledge&by=sector`)).text()
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n')
    expect(lines[0]).toBe(
      'sector,suppressed,n,figure,item,value,count,of,estimate,ci_low,ci_high,df,p',
    )
    expect(lines).toContain('emergency_ambulance,TRUE,') // empty: shown as hidden
    const debt = lines.find((l) =>
      l.startsWith('social_services,FALSE,5,item_share,knowledge_debt,'),
    )
    expect(debt?.split(',').slice(6, 9)).toEqual(['0', '5', '0'])
    const kw = lines.find((l) => l.includes(',kruskal_wallis,'))!.split(',')
    expect(Number(kw[8])).toBeCloseTo(body.comparison.statistic, 12)
    const xlsx = await s.researcher.get(`${base}/export?level=knowledge&format=xlsx&by=sector`)
    expect(xlsx.status).toBe(200)
    expect(xlsx.headers.get('content-disposition')).toContain('knowledge-by-sector.xlsx')
    const md = await (await s.researcher.get(`${base}/codebook?format=md`)).text()
    expect(md).toContain('## Knowledge figures')
    expect(md).toContain('prop.test(correct, n, correct = FALSE)')
  })
})
