import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { dimensionsChange, readDimensions } from '../server/domain/dimensions.js'
import { loadSurveyFiles } from '../server/publishing/survey-files.js'
import { allCorrectBundledAnswers as allCorrect } from './fixtures.js'
import { BUNDLED_SLUG, BUNDLED_SURVEYS_DIR, createTestContext, postJson } from './helpers.js'

const bundled = JSON.parse(
  readFileSync(join(BUNDLED_SURVEYS_DIR, `${BUNDLED_SLUG}.json`), 'utf8'),
) as Record<string, unknown>

const url = `/api/surveys/${BUNDLED_SLUG}/responses`

describe('the bundled counter-trafficking questionnaire', () => {
  it('is served in Finnish, Swedish and English', async () => {
    const { app } = await createTestContext()
    const res = await app.request(`/api/surveys/${BUNDLED_SLUG}`)
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body).toMatchObject({ slug: BUNDLED_SLUG, version: 1, title: expect.any(String) })
    expect(body.definition.title).toEqual({
      default: expect.any(String),
      fi: expect.any(String),
      sv: expect.any(String),
    })
  })

  it('stores a Finnish response with its knowledge score and dimension values', async () => {
    const { app, db } = await createTestContext()
    const res = await postJson(app, url, { answers: allCorrect, locale: 'fi' })
    expect(res.status).toBe(201)
    const row = await db.selectFrom('responses').selectAll().executeTakeFirstOrThrow()
    expect(row.locale).toBe('fi')
    expect(row.knowledge_score).toBe(1)
    const quiz = await db.selectFrom('response_quiz_items').select(['question', 'correct']).execute()
    // 8 true/false items, the referral, and the indicators checklist per option (12).
    expect(quiz).toHaveLength(21)
    expect(quiz.every((item) => item.correct === 1)).toBe(true)
    const dimensions = await db
      .selectFrom('response_values')
      .select(['question', 'value'])
      .where('question', 'in', ['sector', 'region', 'profession'])
      .orderBy('question')
      .execute()
    expect(dimensions).toEqual([
      { question: 'profession', value: 'public_health_nurse' },
      { question: 'region', value: 'pohjois_karjala' },
      { question: 'sector', value: 'primary_health_care' },
    ])
  })

  it('scores a partly wrong response as the share of quiz items answered correctly', async () => {
    const { app, db } = await createTestContext()
    const answers = { ...allCorrect, knowledge_border: 'true', knowledge_debt: 'dont_know' }
    expect((await postJson(app, url, { answers, locale: 'sv' })).status).toBe(201)
    const row = await db.selectFrom('responses').selectAll().executeTakeFirstOrThrow()
    expect(row.knowledge_score).toBeCloseTo(19 / 21)
  })

  it('keeps follow-up answers for someone who met a possible victim', async () => {
    const { app, db } = await createTestContext()
    const answers = {
      ...allCorrect,
      met_possible_victim: 'yes',
      met_count: 'once',
      actions_taken: ['nothing'],
      why_not_acted: [],
    }
    expect((await postJson(app, url, { answers, locale: 'fi' })).status).toBe(201)
    const stored = JSON.parse((await db.selectFrom('response_answers').select('answers').executeTakeFirstOrThrow()).answers)
    expect(stored).toMatchObject({ met_possible_victim: 'yes', met_count: 'once', actions_taken: ['nothing'] })
  })

  it('drops follow-up answers that logic hides', async () => {
    const { app, db } = await createTestContext()
    const answers = { ...allCorrect, met_possible_victim: 'no', met_count: 'more_than_5' }
    expect((await postJson(app, url, { answers, locale: 'en' })).status).toBe(201)
    const stored = JSON.parse((await db.selectFrom('response_answers').select('answers').executeTakeFirstOrThrow()).answers)
    expect(stored).not.toHaveProperty('met_count')
    const values = await db.selectFrom('response_values').select('question').where('question', '=', 'met_count').execute()
    expect(values).toEqual([])
  })

  it('refuses a region that is not a Finnish wellbeing services county', async () => {
    const { app, db } = await createTestContext()
    const res = await postJson(app, url, { answers: { ...allCorrect, region: 'stockholm' } })
    expect(res.status).toBe(422)
    const body = await res.json()
    expect(body.error.details).toEqual([
      expect.objectContaining({ question: 'region', code: 'invalid_choice' }),
    ])
    expect(await db.selectFrom('responses').selectAll().execute()).toEqual([])
  })

  it('groups every region into exactly one collaborative area, named in three languages', () => {
    const { dimensions, levels, errors } = readDimensions(bundled)
    expect(errors).toEqual([])
    expect(levels.map((l) => l.name)).toEqual(['region.area'])
    const [area] = levels
    const regions = dimensions.find((d) => d.name === 'region')!.values
    const members = area.groups.flatMap((g) => g.members)
    expect(new Set(members).size).toBe(members.length)
    expect([...members].sort()).toEqual([...regions].sort())
    expect(area.groups.map((g) => g.value)).toEqual([
      'south',
      'inland',
      'west',
      'east',
      'north',
      'ahvenanmaa',
    ])
    const text = expect.any(String)
    expect(area.title).toEqual({
      default: 'Collaborative area',
      fi: 'Yhteistyöalue',
      sv: 'Samarbetsområde',
    })
    for (const group of area.groups) {
      expect(group.text).toEqual({ default: text, fi: text, sv: text })
    }
    expect(area.groups.find((g) => g.value === 'ahvenanmaa')!.members).toEqual(['ahvenanmaa'])
  })

  it('becomes a new version where the questionnaire was loaded without its areas', async () => {
    const { db, app } = await createTestContext({ loadBundled: false })
    const dir = mkdtempSync(join(tmpdir(), 'surveys-'))
    try {
      const { levels: _, ...before } = bundled
      const file = join(dir, `${BUNDLED_SLUG}.json`)
      writeFileSync(file, JSON.stringify(before))
      await loadSurveyFiles(db, dir)
      // Answered before: the new version keeps the survey and its responses.
      expect((await postJson(app, url, { answers: allCorrect })).status).toBe(201)
      writeFileSync(file, JSON.stringify(bundled))
      const [loaded] = await loadSurveyFiles(db, dir)
      expect(loaded).toMatchObject({ outcome: 'new-version', version: 2 })
      expect(dimensionsChange(before, bundled)).toBeUndefined()
      expect(await db.selectFrom('responses').select('id').execute()).toHaveLength(1)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
