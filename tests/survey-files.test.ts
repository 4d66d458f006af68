import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { loadSurveyFiles } from '../server/publishing/survey-files.js'
import { BUNDLED_SLUG, createTestContext } from './helpers.js'
import { miniSurvey } from './fixtures.js'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })))
const surveysDir = (files: Record<string, string>) => {
  const dir = mkdtempSync(join(tmpdir(), 'surveys-'))
  dirs.push(dir)
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  return dir
}

const versions = async (db: Awaited<ReturnType<typeof createTestContext>>['db'], slug: string) =>
  db
    .selectFrom('survey_versions')
    .innerJoin('surveys', 'surveys.id', 'survey_versions.survey_id')
    .select(['version', 'status'])
    .where('slug', '=', slug)
    .orderBy('version')
    .execute()

describe('loading surveys/ at start', () => {
  it('loads the bundled questionnaire as an open survey', async () => {
    const { db } = await createTestContext()
    expect(await versions(db, BUNDLED_SLUG)).toEqual([{ version: 1, status: 'open' }])
  })

  it('adds nothing when a file is unchanged, even if only reformatted', async () => {
    const { db } = await createTestContext({ loadBundled: false })
    await loadSurveyFiles(db, surveysDir({ 'mini.json': JSON.stringify(miniSurvey) }))
    const again = await loadSurveyFiles(
      db,
      surveysDir({ 'mini.json': JSON.stringify(miniSurvey, null, 4) }),
    )
    expect(again).toEqual([{ file: 'mini.json', slug: 'mini', version: 1, outcome: 'unchanged' }])
    expect(await versions(db, 'mini')).toHaveLength(1)
  })

  it('adds a new version when a file changed, and keeps the status an admin set', async () => {
    const { db } = await createTestContext({ loadBundled: false })
    await loadSurveyFiles(db, surveysDir({ 'mini.json': JSON.stringify(miniSurvey) }))
    await db.updateTable('surveys').set({ status: 'closed' }).execute()
    const changed = { ...miniSurvey, title: 'Changed' }
    const [loaded] = await loadSurveyFiles(db, surveysDir({ 'mini.json': JSON.stringify(changed) }))
    expect(loaded.outcome).toBe('new-version')
    expect(await versions(db, 'mini')).toEqual([
      { version: 1, status: 'closed' },
      { version: 2, status: 'closed' },
    ])
  })

  it('stops start-up with the file named when a changed file changes the dimensions', async () => {
    const { db } = await createTestContext({ loadBundled: false })
    await loadSurveyFiles(db, surveysDir({ 'mini.json': JSON.stringify(miniSurvey) }))
    const changed = { ...miniSurvey, dimensions: ['sector', 'knowledge_border'] }
    const dir = surveysDir({ 'mini.json': JSON.stringify(changed) })
    await expect(loadSurveyFiles(db, dir)).rejects.toThrow(/mini\.json.*dimensions must stay/)
    expect(await versions(db, 'mini')).toHaveLength(1)
  })

  it.each([
    ['not JSON', 'bad.json', '{ nope', /not valid JSON/],
    ['without questions', 'empty.json', '{"pages": []}', /no questions/],
    ['with a file name that is not a slug', 'Bad Name.json', JSON.stringify(miniSurvey), /slug/],
  ])('stops start-up with the file named for a survey %s', async (_case, file, text, reason) => {
    const { db } = await createTestContext({ loadBundled: false })
    const dir = surveysDir({ [file]: text })
    await expect(loadSurveyFiles(db, dir)).rejects.toThrow(reason)
    await expect(loadSurveyFiles(db, dir)).rejects.toThrow(file)
  })
})
