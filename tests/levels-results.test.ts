/**
 * Results by a level (issue 22): `by=region.area` and `by=sector,region.area` through the API,
 * from a release's tables and before the first release; the level's counts and statistics are
 * sums of its members', and what the API publishes gives no small group to an independent
 * attacker (tests/domain/suppression-attacker-lp.ts). Definitions with bad levels are refused.
 * On both engines (levelsSetup is a createTestContext).
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { aggregateReader } from '../db/queries/aggregates.js'
import { levelGroupings } from '../server/results/releases.js'
import { withLevels } from '../server/domain/suppression/figures.js'
import type { CellKey, Dimension, Publication, PublishedTable } from '../server/domain/suppression/index.js'
import { intervalAttack, spanAttack, type TrueAtom } from './domain/suppression-attacker-lp.js'
import {
  AREAS,
  answerFirstBatch,
  areaLevel,
  areaOf,
  areasSurvey,
  base,
  levelsSetup,
  PASSWORD,
  type Answered,
  type GroupBody,
} from './levels-fixtures.js'
import { allCorrectBundledAnswers } from './fixtures.js'
import {
  BUNDLED_SLUG,
  BUNDLED_SURVEYS_DIR,
  createTestContext,
  createUser,
  postJson,
  signedInClient,
  signIn,
} from './helpers.js'

const valueOf = (row: Answered, name: string) =>
  name === 'region.area' ? areaOf(row.region) : String(row[name as keyof Answered])

/** What the answer rows say of one group: respondents, knowledge_border counts, mean confidence. */
function truth(answered: Answered[], key: Record<string, string>, release: number) {
  const rows = answered.filter(
    (row) => row.batch <= release && Object.entries(key).every(([d, v]) => valueOf(row, d) === v),
  )
  const counts: Record<string, number> = {}
  for (const row of rows) counts[row.knowledge_border] = (counts[row.knowledge_border] ?? 0) + 1
  const mean = rows.reduce((s, r) => s + r.confidence, 0) / rows.length
  return { n: rows.length, counts, mean }
}

function expectGroupsTrue(groups: GroupBody[], answered: Answered[], release: number) {
  let shown = 0
  let withStatistics = 0
  for (const group of groups) {
    if (group.suppressed) continue
    shown++
    const expected = truth(answered, group.key, release)
    expect(group.n, JSON.stringify(group.key)).toBe(expected.n)
    if (Object.keys(group.questions ?? {}).length === 0) continue
    withStatistics++
    expect(group.questions!.knowledge_border.counts).toEqual(expected.counts)
    expect(group.questions!.confidence.mean).toBeCloseTo(expected.mean, 10)
  }
  return { shown, withStatistics }
}

describe('aggregates by a level', { timeout: 120_000 }, () => {
  it('a release publishes the level tables: shown counts are the sums of their members', async () => {
    const { answer, release, aggregates, answered } = await levelsSetup()
    await answerFirstBatch(answer)
    expect(await release()).toBe(1)

    const byArea = await aggregates('by=region.area')
    expect(byArea.by).toEqual(['region.area'])
    // Every group of the level, '' too (region is optional), in the level's own order.
    expect(byArea.groups.map((g) => g.key['region.area'])).toEqual([...Object.keys(AREAS), ''])
    const oneWay = expectGroupsTrue(byArea.groups, answered, 1)
    expect(oneWay.shown).toBeGreaterThanOrEqual(2)

    for (const by of ['sector,region.area', 'region.area,sector']) {
      const crossed = await aggregates(`by=${by}`)
      expect(crossed.by).toEqual(by.split(','))
      expect(crossed.groups).toHaveLength(2 * 4)
      const { shown } = expectGroupsTrue(crossed.groups, answered, 1)
      expect(shown).toBeGreaterThanOrEqual(3)
    }
    // The dimension's own tables are unchanged beside it.
    expectGroupsTrue((await aggregates('by=sector,region')).groups, answered, 1)
  })

  it('statistics of level groups, where shown, equal those of their members answer rows', async () => {
    const { answer, release, aggregates, answered, db } = await levelsSetup()
    await answerFirstBatch(answer)
    await release()
    let withStatistics = 0
    for (const by of ['region.area', 'sector,region.area', 'region.area,sector']) {
      withStatistics += expectGroupsTrue((await aggregates(`by=${by}`)).groups, answered, 1)
        .withStatistics
    }
    // Decision 007's laminar chain has sector x region.area (between sector and sector x
    // region); region.area alone crosses sector, so it shows n only. The readers' figures for
    // every level grouping are checked directly below, from each source.
    expect(withStatistics).toBeGreaterThanOrEqual(3)

    const survey = await db.selectFrom('surveys').select('id').where('slug', '=', 'areas').executeTakeFirstOrThrow()
    const releaseRow = await db.selectFrom('releases').select('publication').where('survey_id', '=', survey.id).executeTakeFirstOrThrow()
    const levels = levelGroupings(JSON.parse(releaseRow.publication) as Publication)
    const scopes = {
      'release tables': { surveyId: survey.id, releaseNo: 1, levels },
      'running counts': { surveyId: survey.id, levels },
      'answer rows': { surveyId: survey.id, version: 1, levels },
      // As a definition declares them: no '' group; unanswered stays '' at the level all the same.
      'running counts, declared levels': {
        surveyId: survey.id,
        levels: [{ name: 'region.area', of: 'region', groups: AREAS }],
      },
    }
    for (const [source, scope] of Object.entries(scopes)) {
      const reader = await aggregateReader(db, scope)
      for (const by of [['region.area'], ['sector', 'region.area'], ['region.area', 'sector']]) {
        const groups = await reader.countGroups(by)
        const answers = await reader.countAnswers(by)
        const quiz = await reader.quizShares(by)
        const keyOf = (row: Record<string, unknown>) =>
          Object.fromEntries(by.map((name, i) => [name, String(row[`g${i}`])]))
        const expectedGroups = new Set(answered.map((row) => JSON.stringify(by.map((d) => valueOf(row, d)))))
        expect(groups.length, `${source} ${by}`).toBe(expectedGroups.size)
        for (const row of groups) {
          const expected = truth(answered, keyOf(row), 1)
          expect(row.n, `${source} ${by} ${JSON.stringify(keyOf(row))}`).toBe(expected.n)
          const knowledge = answers.filter(
            (a) => a.question === 'knowledge_border' && JSON.stringify(keyOf(a)) === JSON.stringify(keyOf(row)),
          )
          expect(Object.fromEntries(knowledge.map((a) => [a.value, a.n]))).toEqual(expected.counts)
          const confidence = answers.filter(
            (a) => a.question === 'confidence' && JSON.stringify(keyOf(a)) === JSON.stringify(keyOf(row)),
          )
          const sum = confidence.reduce((s, a) => s + a.n * Number(a.mean), 0)
          expect(sum / confidence.reduce((s, a) => s + a.n, 0)).toBeCloseTo(expected.mean, 10)
          const correct = quiz.find((q) => JSON.stringify(keyOf(q)) === JSON.stringify(keyOf(row)))!
          expect(correct.correct).toBe(expected.counts.false ?? 0)
        }
      }
    }
  })

  it('gives the independent attacker no small group, over two releases (span and interval)', async () => {
    const { answer, release, aggregates, answered } = await levelsSetup()
    await answerFirstBatch(answer)
    await release()
    await answer(3, 'hospital', 'vantaa_kerava')
    await answer(4, 'primary', 'pohjois_pohjanmaa', 1)
    await answer(2, 'hospital', 'varsinais_suomi', 2)
    await answer(5, 'primary', 'lappi', 1)
    await release()

    const sector: Dimension = { name: 'sector', values: ['hospital', 'primary'] }
    const regions = Object.values(AREAS).flat()
    const region: Dimension = { name: 'region', values: [...regions, ''] }
    const area: Dimension = {
      name: 'region.area',
      values: [...Object.keys(AREAS), ''],
      level: { of: 'region', groups: { ...AREAS, '': [''] } },
    }
    const tables = [[], ['sector'], ['region'], ['region.area'], ['sector', 'region'], ['sector', 'region.area']]
    const publications: Publication[] = []
    const answers: Record<string, Record<string, number>>[] = []
    for (const releaseNo of [1, 2]) {
      const published: PublishedTable[] = []
      const shownAnswers: Record<string, Record<string, number>> = {}
      for (const by of tables) {
        const body = await aggregates(`release=${releaseNo}${by.length ? `&by=${by.join(',')}` : '&by=sector'}`)
        const groups: GroupBody[] = by.length
          ? body.groups
          : [{ key: {}, suppressed: !!body.total.suppressed, n: body.total.n, questions: (body.total as GroupBody).questions }]
        published.push({
          by,
          cells: groups.map((g) =>
            g.suppressed ? { key: g.key, suppressed: true as const } : { key: g.key, suppressed: false as const, n: g.n! },
          ),
        })
        for (const g of groups) {
          const counts = g.questions?.knowledge_border?.counts
          if (!g.suppressed && counts) shownAnswers[by.map((d) => `${d}=${g.key[d]}`).join(',')] = counts
        }
      }
      publications.push({ minGroupSize: 5, dimensions: [sector, region, area], tables: published })
      answers.push(shownAnswers)
    }
    // Something is hidden, and some level cell is shown beside hidden members: a real test.
    const hidden = publications[1].tables.flatMap((t) => t.cells).filter((c) => c.suppressed)
    expect(hidden.length).toBeGreaterThan(0)

    const expand = withLevels([sector, region, area])
    const atoms = new Map<string, TrueAtom>()
    for (const row of answered) {
      const key: CellKey = { sector: row.sector, region: row.region }
      const id = JSON.stringify([key, row.batch])
      const atom = atoms.get(id) ?? { key: expand(key), batch: row.batch, values: {} }
      atom.values[row.knowledge_border] = (atom.values[row.knowledge_border] ?? 0) + 1
      atoms.set(id, atom)
    }
    const world = {
      k: 5,
      dimensions: [sector, region],
      values: ['true', 'false', 'dont_know'],
      atoms: [...atoms.values()].map((a) => ({
        ...a,
        values: { true: 0, false: 0, dont_know: 0, ...a.values },
      })),
      publications,
      answers,
      expand,
    }
    expect(await spanAttack(world)).toEqual([])
    expect(await intervalAttack(world)).toEqual([])
  })

  it('refuses a level crossed with its own dimension with 422 invalid_dimension', async () => {
    const { admin, answer, release } = await levelsSetup()
    const refused = async () => {
      for (const by of ['region,region.area', 'region.area,region', 'region.area,region.area']) {
        const res = await admin.get(`${base}/aggregates?by=${by}`)
        expect(res.status, by).toBe(422)
        const body = await res.json()
        expect(body.error.code).toBe('invalid_dimension')
        expect(body.error.details[0].field).toBe('by')
      }
    }
    await refused() // live
    await answerFirstBatch(answer)
    await release()
    await refused()
  })

  it('before the first release: live counts by a level, every group listed as suppressed', async () => {
    const { answer, aggregates } = await levelsSetup()
    await answerFirstBatch(answer)
    const body = await aggregates('by=sector,region.area')
    expect(body.release).toBeNull()
    expect(body.total).toEqual({ n: 55 })
    expect(body.groups).toHaveLength(2 * 4)
    expect(body.groups[0]).toEqual({ key: { sector: 'hospital', 'region.area': 'south' }, suppressed: true })
    const one = await aggregates('by=region.area')
    expect(one.groups.map((g) => g.key['region.area'])).toEqual(['south', 'west', 'north', ''])
  })
})

describe('saving levels', { timeout: 60_000 }, () => {
  it('refuses a level that misses a value or puts one in two groups, with 422 and the reason', async () => {
    const { admin } = await levelsSetup()
    const missing = { ...AREAS, north: ['lappi'] }
    const twice = { ...AREAS, north: ['lappi', 'pohjois_pohjanmaa', 'helsinki'] }
    for (const [groups, reason] of [
      [missing, /every value of region needs a group; missing: pohjois_pohjanmaa/],
      [twice, /"helsinki" is in two groups/],
    ] as const) {
      const definition = areasSurvey([areaLevel(groups)])
      for (const res of [
        await admin.post('/api/admin/surveys', { slug: 'areas-2', definition }),
        await admin.put(base, { definition }),
      ]) {
        expect(res.status).toBe(422)
        const body = await res.json()
        expect(body.error.code).toBe('invalid_definition')
        expect(body.error.details.map((d: { message: string }) => d.message).join('\n')).toMatch(reason)
      }
    }
  })

  it('refuses a new version that moves a member; one that adds a level is accepted and released', async () => {
    const { admin, answer, release, aggregates, answered } = await levelsSetup(areasSurvey([]))
    await answerFirstBatch(answer)
    await release()
    expect((await admin.get(`${base}/aggregates?by=region.area`)).status).toBe(422)

    const added = await admin.put(base, { definition: areasSurvey([areaLevel()]) })
    expect(added.status).toBe(200)
    // Before the next release, the current release has no level table.
    expect((await admin.get(`${base}/aggregates?by=region.area`)).status).toBe(422)
    const moved = { ...AREAS, south: ['helsinki'], west: ['pirkanmaa', 'varsinais_suomi', 'vantaa_kerava'] }
    const refused = await admin.put(base, { definition: areasSurvey([areaLevel(moved)]) })
    expect(refused.status).toBe(409)
    const body = await refused.json()
    expect(body.error.code).toBe('dimensions_changed')
    expect(body.error.details[0].message).toMatch(/"vantaa_kerava" must stay in group "south"/)

    await answer(5, 'primary', 'lappi')
    expect(await release()).toBe(2)
    const byArea = await aggregates('by=region.area')
    expect(byArea.release).toBe(2)
    // Fewer than release 1 would have shown: release 1's hidden regions stay hidden inside them.
    expect(expectGroupsTrue(byArea.groups, answered, 2).shown).toBeGreaterThanOrEqual(1)
    // The first release still has none.
    expect((await admin.get(`${base}/aggregates?by=region.area&release=1`)).status).toBe(422)
  })
})

describe('the bundled questionnaire by its collaborative areas', { timeout: 120_000 }, () => {
  it('answers by=region.area,profession and by=sector,region.area from a release', async () => {
    const ctx = await createTestContext()
    await createUser(ctx.db, 'rasmus', 'researcher', PASSWORD)
    const researcher = signedInClient(ctx.app, await signIn(ctx.app, 'rasmus', PASSWORD))
    await createUser(ctx.db, 'anna', 'admin', PASSWORD)
    const admin = signedInClient(ctx.app, await signIn(ctx.app, 'anna', PASSWORD))
    const sent: { sector: string; region: string; profession: string }[] = []
    const plan: [number, string, string, string][] = [
      [7, 'primary_health_care', 'helsinki', 'public_health_nurse'],
      [6, 'primary_health_care', 'vantaa_kerava', 'physician'],
      [8, 'specialised_hospital_care', 'pirkanmaa', 'public_health_nurse'],
      [2, 'specialised_hospital_care', 'lappi', 'physician'],
      [6, 'specialised_hospital_care', 'pohjois_pohjanmaa', 'physician'],
    ]
    for (const [count, sector, region, profession] of plan) {
      for (let i = 0; i < count; i++) {
        const answers = { ...allCorrectBundledAnswers, sector, region, profession }
        const res = await postJson(ctx.app, `/api/surveys/${BUNDLED_SLUG}/responses`, { answers })
        expect(res.status).toBe(201)
        sent.push({ sector, region, profession })
      }
    }
    expect((await admin.post(`/api/admin/surveys/${BUNDLED_SLUG}/releases`)).status).toBe(201)
    const definition = JSON.parse(readFileSync(`${BUNDLED_SURVEYS_DIR}/${BUNDLED_SLUG}.json`, 'utf8'))
    const area = new Map<string, string>(
      definition.levels[0].groups.flatMap((g: { value: string; members: string[] }) =>
        g.members.map((m) => [m, g.value]),
      ),
    )
    for (const by of ['region.area,profession', 'profession,region.area', 'sector,region.area']) {
      const res = await researcher.get(`/api/admin/surveys/${BUNDLED_SLUG}/aggregates?by=${by}`)
      expect(res.status, by).toBe(200)
      const body = await res.json()
      expect(body.by).toEqual(by.split(','))
      let shown = 0
      for (const group of body.groups as GroupBody[]) {
        if (group.suppressed) continue
        shown++
        const n = sent.filter((row) =>
          Object.entries(group.key).every(([d, v]) =>
            d === 'region.area' ? area.get(row.region) === v : row[d as 'sector'] === v,
          ),
        ).length
        expect(group.n, `${by} ${JSON.stringify(group.key)}`).toBe(n)
      }
      expect(shown, by).toBeGreaterThan(0)
    }
  })
})
