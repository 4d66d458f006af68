import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { loadSurveyFiles } from '../server/publishing/survey-files.js'
import {
  addSurvey,
  BUNDLED_SLUG,
  createTestContext,
  createUser,
  postJson,
  signIn,
  signedInClient,
  type TestContext,
} from './helpers.js'

// Issue 14, finding 3: ^(a+)+$ against "aaa…a!" backtracks exponentially on V8's engine.
const EVIL = '^(a+)+$'
const evilSurvey = {
  title: 'Regex',
  elements: [{ type: 'text', name: 'code', validators: [{ type: 'regex', regex: EVIL }] }],
}
const PASSWORD = 'correct horse battery staple'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })))

async function asAdmin(ctx: TestContext) {
  await createUser(ctx.db, 'anna', 'admin', PASSWORD)
  return signedInClient(ctx.app, await signIn(ctx.app, 'anna', PASSWORD))
}

/** The slowest of the requests made to another survey while one submission is being handled. */
async function slowestProbeDuring(ctx: TestContext, answer: string) {
  let done = false
  const submission = Promise.resolve(
    postJson(ctx.app, '/api/surveys/regex/responses', { answers: { code: answer } }),
  ).finally(() => (done = true))
  let slowest = 0
  while (!done) {
    // A request that arrives while the event loop is blocked waits: the yield (which also lets
    // timers such as the group commit run) is part of its latency.
    const start = performance.now()
    await new Promise((resolve) => setImmediate(resolve))
    const probe = await ctx.app.request(`/api/surveys/${BUNDLED_SLUG}`)
    expect(probe.status).toBe(200)
    slowest = Math.max(slowest, performance.now() - start)
  }
  return { slowest, status: (await submission).status }
}

describe('questionnaire regular expressions', () => {
  it('refuses a catastrophically backtracking regex at publish, naming the question', async () => {
    const ctx = await createTestContext()
    const admin = await asAdmin(ctx)
    const created = await admin.post('/api/admin/surveys', {
      slug: 'regex',
      definition: evilSurvey,
    })
    expect(created.status).toBe(422)
    const body = await created.json()
    expect(body.error.code).toBe('invalid_definition')
    expect(body.error.details[0].message).toMatch(/Question "code".*\^\(a\+\)\+\$/)

    expect(
      (
        await admin.post('/api/admin/surveys', {
          slug: 'regex',
          definition: { ...evilSurvey, elements: [{ type: 'text', name: 'code' }] },
        })
      ).status,
    ).toBe(201)
    const replaced = await admin.put('/api/admin/surveys/regex', { definition: evilSurvey })
    expect(replaced.status).toBe(422)
    expect((await replaced.json()).error.details[0].message).toMatch(/Question "code"/)
  })

  it('refuses a survey file holding one at start-up', async () => {
    const ctx = await createTestContext({ loadBundled: false })
    const dir = mkdtempSync(join(tmpdir(), 'surveys-'))
    dirs.push(dir)
    writeFileSync(join(dir, 'regex.json'), JSON.stringify(evilSurvey))
    await expect(loadSurveyFiles(ctx.db, dir)).rejects.toThrow(/regex\.json.*Question "code"/)
  })

  it('does not stall other requests for a version stored before the check', async () => {
    const ctx = await createTestContext()
    await addSurvey(ctx.db, 'regex', evilSurvey) // straight through the db layer, unchecked
    const a = 'a'.repeat(29)
    // Baseline: the same submission, matching (fast on any engine); generous: slowest of three.
    let baseline = 0
    for (let i = 0; i < 3; i++) {
      const run = await slowestProbeDuring(ctx, a)
      expect(run.status).toBe(201)
      baseline = Math.max(baseline, run.slowest)
    }
    // The attack: every run must stay fast, so the quickest of three is compared.
    let attack = Infinity
    for (let i = 0; i < 3; i++) {
      const run = await slowestProbeDuring(ctx, `${a}!`)
      expect(run.status).toBe(422)
      attack = Math.min(attack, run.slowest)
    }
    expect(attack / Math.max(baseline, 1)).toBeLessThan(5)
  }, 60_000)
})
