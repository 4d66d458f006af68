/**
 * Issue 15's channels 3 to 7 replayed over HTTP as an outside analyst would (a researcher's and
 * an admin's account only), and the bound on live counts checked with an LP (decision 007).
 * Channels 1 and 2: tests/domain/suppression-disclosure.test.ts.
 */
import fc from 'fast-check'
import loadHighs from 'highs'
import { describe, expect, it } from 'vitest'
import { parseCsv } from './csv.js'
import { base, downloadText, exportSetup } from './export-setup.js'
import {
  addSurvey,
  createTestContext,
  createUser,
  postJson,
  signedInClient,
  signIn,
} from './helpers.js'

const PASSWORD = 'correct horse battery staple'
type Group = { key: Record<string, string>; suppressed: boolean; n?: number; questions?: object }

describe('channel 3: response-level file minus aggregates', () => {
  it('every shown group of every table holds exactly the file rows placed in it', async () => {
    const setup = await exportSetup(await createTestContext())
    const rows: [string, string, string, number][] = [
      ['primary_health_care', 'helsinki', 'nurse', 12],
      ['primary_health_care', 'pirkanmaa', 'nurse', 9],
      ['primary_health_care', 'pirkanmaa', 'midwife', 1], // the rare one of issue 15
      ['primary_health_care', 'pirkanmaa', 'physician', 4],
      ['specialised_hospital_care', 'helsinki', 'nurse', 8],
      ['specialised_hospital_care', 'pirkanmaa', 'nurse', 7],
    ]
    for (const [sector, region, profession, n] of rows) {
      await setup.answer(n, { sector, region, profession })
    }
    expect((await setup.admin.post(`${base}/close`)).status).toBe(200)
    const res = await setup.admin.get(`${base}/export?level=responses`)
    expect(res.status).toBe(200)
    const file = parseCsv(await downloadText(res)).rows
    expect(file).toHaveLength(41)
    for (const by of ['sector', 'region', 'profession', 'sector,region', 'sector,profession']) {
      const body = await (await setup.researcher.get(`${base}/aggregates?by=${by}`)).json()
      for (const group of body.groups as Group[]) {
        if (group.suppressed) continue
        const placed = file.filter((row) =>
          Object.entries(group.key).every(([d, v]) => row[d] === v),
        )
        expect(placed.length, `${by} ${JSON.stringify(group.key)}`).toBe(group.n)
      }
    }
    // The midwife is never told apart: her row shows no profession of fewer than 5.
    const professions = new Set(file.map((row) => row.profession))
    expect(professions.has('midwife')).toBe(false)
  })

  it('is refused when the tables tell a group below k apart, rather than inconsistent', async () => {
    const setup = await exportSetup(await createTestContext())
    await setup.answer(12, {
      sector: 'primary_health_care',
      region: 'helsinki',
      profession: 'nurse',
    })
    await setup.answer(6, {
      sector: 'primary_health_care',
      region: 'helsinki',
      profession: 'physician',
    })
    await setup.answer(9, {
      sector: 'primary_health_care',
      region: 'pirkanmaa',
      profession: 'nurse',
    })
    await setup.answer(1, {
      sector: 'primary_health_care',
      region: 'pirkanmaa',
      profession: 'midwife',
    })
    expect((await setup.admin.post(`${base}/close`)).status).toBe(200)
    const res = await setup.admin.get(`${base}/export?level=responses&format=zip`)
    expect(res.status).toBe(409)
    const { error } = await res.json()
    expect(error.code).toBe('response_file_unavailable')
    expect(error.details[0].message).toMatch(/groups of fewer than 5 that the published tables/)
    expect(error.details[0].message).not.toMatch(/\b1\b/) // no count of the small group
  })
})

describe('channel 4: the file of one release minus another', () => {
  it('exists for the final release only', async () => {
    const setup = await exportSetup(await createTestContext())
    await setup.answer(10, {
      sector: 'primary_health_care',
      region: 'helsinki',
      profession: 'nurse',
    })
    expect((await setup.admin.post(`${base}/releases`)).status).toBe(201)
    const interim = await setup.admin.get(`${base}/export?level=responses`)
    expect(interim.status).toBe(409)
    expect((await interim.json()).error.code).toBe('response_file_unavailable')
    await setup.answer(5, {
      sector: 'primary_health_care',
      region: 'helsinki',
      profession: 'nurse',
    })
    expect((await setup.admin.post(`${base}/close`)).status).toBe(200)
    const old = await setup.admin.get(`${base}/export?level=responses&release=1`)
    expect(old.status).toBe(409)
    const final = await setup.admin.get(`${base}/export?level=responses&release=2`)
    expect(final.status).toBe(200)
    expect(parseCsv(await downloadText(final)).rows).toHaveLength(15)
  })
})

/** A small survey with three dimensions, a required yes/no and an optional question. */
const definition = (regions: string[], extra: object[] = []) => ({
  title: 'Mini',
  pages: [
    {
      name: 'p1',
      elements: [
        { type: 'radiogroup', name: 'sector', isRequired: true, choices: ['s1', 's2'] },
        { type: 'radiogroup', name: 'region', isRequired: true, choices: regions },
        { type: 'radiogroup', name: 'profession', isRequired: true, choices: ['nurse', 'doctor'] },
        { type: 'radiogroup', name: 'q_yes', isRequired: true, choices: ['yes', 'no'] },
        ...extra,
      ],
    },
  ],
})

async function mini(regions: string[]) {
  const ctx = await createTestContext({ loadBundled: false })
  await addSurvey(ctx.db, 'mini', definition(regions))
  await createUser(ctx.db, 'anna', 'admin', PASSWORD)
  const admin = signedInClient(ctx.app, await signIn(ctx.app, 'anna', PASSWORD))
  const answer = async (count: number, answers: Record<string, unknown>) => {
    for (let i = 0; i < count; i++) {
      const res = await postJson(ctx.app, '/api/surveys/mini/responses', { answers })
      expect(res.status).toBe(201)
    }
  }
  return { ...ctx, admin, answer }
}

describe('channel 5: a version that drops a dimension value', () => {
  it('keeps its respondents in the groups: the total is the sum of the groups', async () => {
    const { admin, answer } = await mini(['north', 'south'])
    const person = { sector: 's1', profession: 'nurse', q_yes: 'yes' }
    await answer(6, { ...person, region: 'south' })
    await answer(1, { ...person, region: 'north', q_yes: 'no' })
    expect(
      (await admin.put('/api/admin/surveys/mini', { definition: definition(['south']) })).status,
    ).toBe(200)
    await answer(5, { ...person, region: 'south' })
    expect((await admin.post('/api/admin/surveys/mini/releases')).status).toBe(201)
    const body = await (await admin.get('/api/admin/surveys/mini/aggregates?by=region')).json()
    expect(body.groups.map((g: Group) => g.key.region).sort()).toEqual(['north', 'south'])
    const shown = (body.groups as Group[]).filter((g) => !g.suppressed)
    // Nobody is left out of the groups yet counted in the total's statistics.
    if (shown.length === body.groups.length) {
      expect(shown.reduce((s, g) => s + g.n!, 0)).toBe(body.total.n)
    } else {
      expect(shown.every((g) => g.key.region !== 'north')).toBe(true)
      expect(shown.filter((g) => g.key.region === 'south').map((g) => g.n)).not.toContain(
        body.total.n,
      )
    }
    const bySector = await (await admin.get('/api/admin/surveys/mini/aggregates?by=sector')).json()
    const s1 = bySector.groups.find((g: Group) => g.key.sector === 's1')
    expect(s1.n).toBe(body.total.n)
    // Statistics cover exactly the n respondents (q_yes is required): nobody outside them.
    const answered = (counts: Record<string, number>) =>
      Object.values(counts).reduce((a, b) => a + b)
    expect(body.total.n).toBe(12)
    expect(answered(body.total.questions.q_yes.counts)).toBe(body.total.n)
    expect(answered(s1.questions.q_yes.counts)).toBe(s1.n)
  })
})

describe("channel 5: don't know and refuse on a dimension", () => {
  it('are groups of their own, so nobody is outside the groups', async () => {
    const ctx = await createTestContext({ loadBundled: false })
    const base = definition(['north', 'south'])
    const region = { ...base.pages[0].elements[1], showDontKnowItem: true, showRefuseItem: true }
    base.pages[0].elements[1] = region
    await addSurvey(ctx.db, 'mini', base)
    await createUser(ctx.db, 'anna', 'admin', PASSWORD)
    const admin = signedInClient(ctx.app, await signIn(ctx.app, 'anna', PASSWORD))
    const send = async (count: number, region: string) => {
      for (let i = 0; i < count; i++) {
        const answers = { sector: 's1', region, profession: 'nurse', q_yes: 'yes' }
        const res = await postJson(ctx.app, '/api/surveys/mini/responses', { answers })
        expect(res.status).toBe(201)
      }
    }
    await send(6, 'north')
    await send(5, 'dontknow')
    await send(1, 'refused')
    expect((await admin.post('/api/admin/surveys/mini/releases')).status).toBe(201)
    const body = await (await admin.get('/api/admin/surveys/mini/aggregates?by=region')).json()
    const keys = body.groups.map((g: Group) => g.key.region).sort()
    expect(keys).toEqual(['dontknow', 'north', 'refused', 'south'])
    expect(body.total.n).toBe(12)
  })
})

describe('channel 6: a question only a new version asks', () => {
  it('is summarised in no group while earlier respondents were not asked it', async () => {
    const { admin, answer } = await mini(['north', 'south'])
    const person = { sector: 's1', region: 'south', profession: 'nurse', q_yes: 'yes' }
    await answer(10, person)
    const q_new = { type: 'radiogroup', name: 'q_new', choices: ['a', 'b'] }
    const v2 = definition(['north', 'south'], [q_new])
    expect((await admin.put('/api/admin/surveys/mini', { definition: v2 })).status).toBe(200)
    await answer(1, { ...person, q_new: 'a' })
    expect((await admin.post('/api/admin/surveys/mini/releases')).status).toBe(201)
    for (const by of ['sector', 'sector,region', 'region']) {
      const body = await (await admin.get(`/api/admin/surveys/mini/aggregates?by=${by}`)).json()
      expect(body.total.questions).not.toHaveProperty('q_new')
      expect(body.total.questions).toHaveProperty('q_yes')
      for (const g of body.groups as Group[]) expect(g.questions ?? {}).not.toHaveProperty('q_new')
    }
  })
})

describe('channels 5 and 6 on random versions (fast-check)', () => {
  it('statistics cover exactly the groups, and only questions every version asked', async () => {
    const step = fc.record({
      regions: fc.subarray(['north', 'south', 'east'], { minLength: 1 }),
      extra: fc.boolean(),
      answers: fc.array(fc.tuple(fc.nat(2), fc.boolean()), { minLength: 1, maxLength: 8 }),
    })
    let checked = 0
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 3 }), async (steps) => {
        const { admin, answer } = await mini(['north', 'south', 'east'])
        const q_new = { type: 'radiogroup', name: 'q_new', choices: ['a', 'b'] }
        for (const v of steps) {
          const next = definition(v.regions, v.extra ? [q_new] : [])
          expect((await admin.put('/api/admin/surveys/mini', { definition: next })).status).toBe(
            200,
          )
          for (const [r, yes] of v.answers) {
            const region = v.regions[r % v.regions.length]
            const extra = v.extra ? { q_new: 'a' } : {}
            await answer(2, {
              sector: 's1',
              region,
              profession: 'nurse',
              q_yes: yes ? 'yes' : 'no',
              ...extra,
            })
          }
        }
        const made = await admin.post('/api/admin/surveys/mini/releases')
        if (made.status !== 201) return // too few responses, or a small group: refused
        checked++
        const everyVersionAsked = steps.every((v) => v.extra)
        for (const by of ['region', 'sector', 'sector,region']) {
          const body = await (await admin.get(`/api/admin/surveys/mini/aggregates?by=${by}`)).json()
          for (const g of [body.total, ...body.groups] as Group[]) {
            const questions = (g.questions ?? {}) as Record<
              string,
              { counts: Record<string, number> }
            >
            if (!questions.q_yes) continue
            const counted = Object.values(questions.q_yes.counts).reduce((a, b) => a + b, 0)
            expect(counted).toBe(g.n)
            if (!everyVersionAsked) expect(questions).not.toHaveProperty('q_new')
          }
        }
      }),
      { numRuns: 6, seed: 15 },
    )
    expect(checked).toBeGreaterThan(2)
  }, 120_000)
})

describe('channel 7: live counts and time', () => {
  it('the survey list, the timeline and the live total never show fewer than k', async () => {
    const { admin, answer } = await mini(['north', 'south'])
    await answer(3, { sector: 's1', region: 'north', profession: 'nurse', q_yes: 'yes' })
    const list = await (await admin.get('/api/admin/surveys')).json()
    expect(list.surveys.find((s: { slug: string }) => s.slug === 'mini').responses).toBe(0)
    const timeline = await (await admin.get('/api/admin/surveys/mini/timeline')).json()
    expect(timeline.weeks.every((w: { suppressed: boolean }) => w.suppressed)).toBe(true)
    await answer(4, { sector: 's1', region: 'north', profession: 'nurse', q_yes: 'yes' })
    const live = await (await admin.get('/api/admin/surveys/mini/aggregates')).json()
    expect(live.total).toEqual({ n: 5 })
  })

  it('a refused release says where, never how many', async () => {
    const { admin, answer } = await mini(['north', 'south'])
    const person = { sector: 's1', region: 'north', profession: 'nurse', q_yes: 'yes' }
    await answer(10, person)
    expect((await admin.post('/api/admin/surveys/mini/releases')).status).toBe(201)
    await answer(2, person)
    const refused = await admin.post('/api/admin/surveys/mini/releases')
    expect(refused.status).toBe(409)
    const { error } = await refused.json()
    expect(error.code).toBe('release_refused')
    expect(error.details.length).toBeGreaterThan(0)
    for (const { message } of error.details) {
      expect(message).toMatch(/below the minimum/)
      expect(message).not.toMatch(/exactly|between \d|group of \d/)
    }
  })

  it('no difference of looks and releases lies in [1, k-1] (LP over random series)', async () => {
    const highs = await loadHighs()
    const series = fc.record({
      k: fc.integer({ min: 3, max: 6 }),
      steps: fc.array(
        fc.record({
          arrivals: fc.integer({ min: 0, max: 4 }),
          event: fc.constantFrom('look', 'release', 'none'),
        }),
        { minLength: 2, maxLength: 14 },
      ),
    })
    await fc.assert(
      fc.asyncProperty(series, async ({ k, steps }) => {
        // The server's rules: a release adds at least k (else refused); looks are rounded down.
        const known: { at: number; lo: number; hi: number }[] = []
        let total = 0
        let released = 0
        steps.forEach((step, t) => {
          total += step.arrivals
          if (step.event === 'release' && total - released >= k) {
            released = total
            known.push({ at: t, lo: total, hi: total })
          }
          if (step.event === 'look') {
            const f = Math.floor(total / k) * k
            known.push({ at: t, lo: f, hi: f + k - 1 })
          }
        })
        // Unknowns: arrivals per step (>= 0); every interval (a, b] of steps is a target.
        const T = steps.length
        const rows = known.map(({ at, lo, hi }) => ({ at, lo, hi }))
        const solve = (a: number, b: number, maximize: boolean) => {
          const starts = [0]
          const indices: number[] = []
          const values: number[] = []
          for (const r of rows) {
            for (let i = 0; i <= r.at; i++) (indices.push(i), values.push(1))
            starts.push(indices.length)
          }
          const m = highs.createModel({
            numCols: T,
            numRows: rows.length,
            sense: maximize
              ? highs.constants.objectiveSense.maximize
              : highs.constants.objectiveSense.minimize,
            colCost: Array.from({ length: T }, (_, i) => (i > a && i <= b ? 1 : 0)),
            colLower: Array(T).fill(0),
            colUpper: Array(T).fill(highs.infinity),
            rowLower: rows.map((r) => r.lo),
            rowUpper: rows.map((r) => r.hi),
            matrix: { format: 'csr', numRows: rows.length, numCols: T, starts, indices, values },
          })
          try {
            m.options.set({ output_flag: false })
            m.run()
            return m.getModelStatus() === highs.constants.modelStatus.optimal
              ? m.getObjectiveValue()
              : Infinity
          } finally {
            m.dispose()
          }
        }
        for (let a = -1; a < T; a++) {
          for (let b = a + 1; b < T; b++) {
            const hi = solve(a, b, true)
            if (hi > k - 1 + 1e-6) continue
            expect(solve(a, b, false)).toBeLessThan(1 - 1e-6)
          }
        }
      }),
      { numRuns: 60, seed: 7 },
    )
  })
})
