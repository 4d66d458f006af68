import { describe, expect, it } from 'vitest'
import { findLatestVersion } from '../../db/queries/surveys.js'
import { listReleases } from '../../db/queries/releases.js'
import { contains, withLevels } from '../../server/domain/suppression/figures.js'
import type { Publication } from '../../server/domain/suppression/index.js'
import { knowledgeFiguresOfRelease } from '../../server/knowledge/query.js'
import { QUIZ_ITEMS } from './setup.js'
import { AREAS, levelsBase as base, levelsSetup, SLUG, type Posted } from './levels-setup.js'

// Both engines: levelsSetup is built on createTestContext (the name vitest.config.ts looks for).
const K = 5
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length

/** The posted respondents a group's key describes (`region.area` by their region's area). */
const membersOf = (posted: Posted[], key: Record<string, string>) =>
  posted.filter((p) =>
    Object.entries(key).every(([dim, value]) =>
      dim === 'region.area' ? p.area === value : p[dim as 'sector' | 'region'] === value,
    ),
  )

/** Every shown group: its n is its members' true count, at least k; statistics are theirs. */
function expectGroupsOfMembers(body: any, posted: Posted[]) {
  let withScores = 0
  for (const group of body.groups) {
    if (group.suppressed) continue
    const members = membersOf(posted, group.key)
    const label = JSON.stringify(group.key)
    expect(group.n, label).toBe(members.length)
    expect(group.n, label).toBeGreaterThanOrEqual(K)
    if (!group.score) continue
    withScores++
    expect(group.score.mean, label).toBeCloseTo(mean(members.map((m) => m.score)), 12)
    for (const item of group.items) {
      const i = QUIZ_ITEMS.indexOf(item.name)
      expect([item.n, item.correct], `${label} ${item.name}`).toEqual([
        members.length,
        members.filter((m) => m.correct[i]).length,
      ])
    }
  }
  return withScores
}

describe('GET .../knowledge by a level (region.area)', () => {
  it('before a release lists the level groups, hidden, with the total n only', async () => {
    const s = await levelsSetup()
    await s.answerCells()
    const res = await s.researcher.get(`${base}/knowledge?by=region.area`)
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body).toMatchObject({ survey: SLUG, release: null, by: ['region.area'] })
    expect(body.groups).toEqual(
      AREAS.map((a) => ({ key: { 'region.area': a.value }, suppressed: true })),
    )
    const crossed = await s.researcher.get(`${base}/knowledge?by=sector,region.area`)
    expect(crossed.status).toBe(200)
    expect((await crossed.json()).groups.every((g: any) => g.suppressed)).toBe(true)
  })

  it("gives each area its members' n and figures, no group below k", async () => {
    const s = await levelsSetup()
    const posted = await s.answerCells()
    expect((await s.admin.post(`${base}/releases`)).status).toBe(201)

    const res = await s.researcher.get(`${base}/knowledge?by=region.area`)
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.by).toEqual(['region.area'])
    expect(body.groups.map((g: any) => g.key['region.area'])).toEqual(AREAS.map((a) => a.value))
    expectGroupsOfMembers(body, posted)
    // South (22) and inland (14) are shown though most of their regions are below k.
    const shown = body.groups.filter((g: any) => !g.suppressed).map((g: any) => g.key)
    expect(shown).toEqual(
      expect.arrayContaining([{ 'region.area': 'south' }, { 'region.area': 'inland' }]),
    )
    const west = body.groups.find((g: any) => g.key['region.area'] === 'west')
    expect(west).toEqual({ key: { 'region.area': 'west' }, suppressed: true }) // 2 respondents

    // sector x area, either order: statistics where the release gives them, from the members.
    for (const by of ['sector,region.area', 'region.area,sector']) {
      const crossed = await (await s.researcher.get(`${base}/knowledge?by=${by}`)).json()
      expect(crossed.by).toEqual(by.split(','))
      expect(crossed.groups.length).toBe(10 * AREAS.length)
      expect(expectGroupsOfMembers(crossed, posted), by).toBeGreaterThan(0)
    }
  })

  it('refuses a level with its own dimension (422), before and after a release', async () => {
    const s = await levelsSetup()
    await s.answerCells()
    for (const release of [false, true]) {
      if (release) expect((await s.admin.post(`${base}/releases`)).status).toBe(201)
      for (const by of ['region,region.area', 'region.area,region', 'region.area,region.area']) {
        const res = await s.researcher.get(`${base}/knowledge?by=${by}`)
        expect(res.status, by).toBe(422)
        expect((await res.json()).error.code).toBe('invalid_dimension')
      }
    }
  })

  it("publishes figures for the disclosure audit keyed by the level, each its members' sum", async () => {
    const s = await levelsSetup()
    const posted = await s.answerCells()
    expect((await s.admin.post(`${base}/releases`)).status).toBe(201)
    const survey = (await findLatestVersion(s.db, SLUG))!
    const [release] = await listReleases(s.db, survey.surveyId)
    const publication = JSON.parse(release.publication) as Publication
    const figures = await knowledgeFiguresOfRelease(s.db, survey, 1, publication)
    const level = figures.filter((f) => f.by.includes('region.area'))
    expect(level.length).toBeGreaterThan(0)
    // Atoms as the audit builds them: a full combination with its levels added.
    const expand = withLevels(publication.dimensions)
    const atoms = posted.map((p) => ({
      key: expand({ sector: p.sector, region: p.region, profession: 'public_health_nurse' }),
      batch: 1,
      n: 1,
    }))
    for (const figure of level) {
      const figureKey = { release: 1, key: figure.key, label: '' }
      const covered = atoms.filter((atom) => contains(figureKey, atom)).length
      if (figure.figure === 'respondents') expect(figure.value).toBe(covered)
      expect(figure.over).toBeLessThanOrEqual(covered)
    }
  })
})
