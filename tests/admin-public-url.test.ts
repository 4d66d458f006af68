// Issue 22: with PUBLIC_URL set, the admin page shows respondent and invitation links from it,
// not from its own address; the survey detail it reads carries the configured base.
import { describe, expect, it } from 'vitest'
import { createApp } from '../server/app.js'
import { loadConfig } from '../server/config.js'
import { miniSurvey } from './fixtures.js'
import {
  addSurvey,
  CLIENT_DIR,
  createTestContext,
  createUser,
  signedInClient,
  signIn,
  TEST_PASSWORD_COST,
} from './helpers.js'

const PASSWORD = 'correct horse battery staple'

async function detail(publicUrl: string | undefined) {
  const ctx = await createTestContext({ loadBundled: false })
  await addSurvey(ctx.db, 'mini', miniSurvey)
  await createUser(ctx.db, 'anna', 'admin', PASSWORD)
  const app = createApp({
    db: ctx.db,
    config: { clientDir: CLIENT_DIR, publicUrl },
    auth: { passwordCost: TEST_PASSWORD_COST },
  })
  const anna = signedInClient(app, await signIn(app, 'anna', PASSWORD))
  const res = await anna.get('/api/admin/surveys/mini')
  expect(res.status).toBe(200)
  return (await res.json()) as Record<string, unknown>
}

describe('survey detail: the public URL respondents use', () => {
  it('is the configured PUBLIC_URL (without its trailing slash)', async () => {
    const { publicUrl } = loadConfig({ PUBLIC_URL: 'https://kysely.example.fi/' })
    const body = await detail(publicUrl)
    expect(body.publicUrl).toBe('https://kysely.example.fi')
    expect(body.slug).toBe('mini')
  })

  it('is absent when PUBLIC_URL is unset: the page then uses its own address', async () => {
    const body = await detail(undefined)
    expect('publicUrl' in body).toBe(false)
    expect(body.slug).toBe('mini')
  })
})
