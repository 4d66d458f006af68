import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { unzipSync } from 'fflate'
import { expect } from 'vitest'
import { insertResponse } from '../db/queries/responses.js'
import { findLatestVersion } from '../db/queries/surveys.js'
import { prepareResponse } from '../server/domain/prepare-response.js'
import { allCorrectBundledAnswers } from './fixtures.js'
import { BUNDLED_SLUG, createUser, signIn, signedInClient, type TestContext } from './helpers.js'

export const PASSWORD = 'correct horse battery staple'
export const base = `/api/admin/surveys/${BUNDLED_SLUG}`

/**
 * A test app with an admin and a researcher signed in. `answer` validates one answer set like a
 * submission does and stores it `count` times directly: posting hundreds is slow and the
 * respondent API has its own tests.
 */
export async function exportSetup(ctx: TestContext) {
  await createUser(ctx.db, 'anna', 'admin', PASSWORD)
  await createUser(ctx.db, 'rasmus', 'researcher', PASSWORD)
  const admin = signedInClient(ctx.app, await signIn(ctx.app, 'anna', PASSWORD))
  const researcher = signedInClient(ctx.app, await signIn(ctx.app, 'rasmus', PASSWORD))
  const survey = (await findLatestVersion(ctx.db, BUNDLED_SLUG))!
  const definition = JSON.parse(survey.definition) as Record<string, unknown>
  const answer = async (
    count: number,
    extra: Record<string, unknown> = {},
    submittedOn = '2026-11-25',
  ) => {
    const answers = { ...allCorrectBundledAnswers, ...extra }
    const prepared = prepareResponse({ definition, locales: [] }, { answers, locale: 'fi' })
    if (!prepared.ok) throw new Error(JSON.stringify(prepared.details))
    for (let i = 0; i < count; i++) {
      const id = randomBytes(16).toString('hex')
      await insertResponse(ctx.db, {
        id,
        surveyId: survey.surveyId,
        surveyVersionId: survey.versionId,
        dimensions: ['sector', 'region', 'profession'],
        submittedOn,
        ...prepared.response,
      })
    }
  }
  return { ...ctx, admin, researcher, answer }
}

/** Responses in a few groups, some below the minimum size, then release 1. */
export async function releasedSample(setup: Awaited<ReturnType<typeof exportSetup>>) {
  const { answer, admin } = setup
  await answer(9, { sector: 'primary_health_care', region: 'helsinki', confidence_identify: 5 })
  await answer(8, {
    sector: 'specialised_hospital_care',
    region: 'helsinki',
    confidence_identify: 1,
    knowledge_border: 'true',
  })
  await answer(7, { sector: 'primary_health_care', region: 'pirkanmaa', confidence_identify: 3 })
  await answer(6, {
    sector: 'specialised_hospital_care',
    region: 'pirkanmaa',
    confidence_identify: 2,
  })
  await answer(2, { sector: 'social_services', region: 'lappi', confidence_identify: 4 })
  expect((await admin.post(`${base}/releases`)).status).toBe(201)
}

/** A download's text exactly as sent (Response.text() would drop the byte order mark). */
export async function downloadText(res: Response) {
  return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(await res.arrayBuffer())
}

/**
 * Unpacks a downloaded zip into a temporary folder beside a check script, runs `command` with
 * the script's name in that folder, and returns what it printed (the folder is then removed).
 */
export async function runOnUnzipped(
  res: Response,
  check: { name: string; text: string },
  command: (script: string) => [string, string[]],
): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'export-zip-'))
  try {
    for (const [name, bytes] of Object.entries(unzipSync(new Uint8Array(await res.arrayBuffer())))) {
      writeFileSync(join(dir, name), bytes)
    }
    writeFileSync(join(dir, check.name), check.text)
    const [program, args] = command(check.name)
    return execFileSync(program, args, { cwd: dir, encoding: 'utf8' })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
