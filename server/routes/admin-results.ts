import { Hono, type MiddlewareHandler } from 'hono'
import type { Kysely } from 'kysely'
import type { Audit } from '../../db/queries/audit-log.js'
import { listReleases, ReleaseRefused } from '../../db/queries/releases.js'
import type { PublishedVersion } from '../../db/queries/surveys.js'
import type { Database } from '../../db/schema.js'
import type { AuthEnv } from '../auth/middleware.js'
import { createDefinitionFacts } from '../definition-facts.js'
import type { Publication } from '../domain/suppression/index.js'
import { ApiError } from '../errors.js'
import { surveyOr404 } from './survey-or-404.js'
import { countByDay } from '../../db/queries/aggregates.js'
import { countByWeek } from '../domain/weeks.js'
import { liveCounts, makeRelease, readAggregates } from '../results.js'

export interface AdminResultDeps {
  db: Kysely<Database>
  requireAdmin: MiddlewareHandler<AuthEnv>
  minGroupSize: number
  clock: () => Date
  audit: Audit
}

const DEFAULT_BY = ['sector', 'region']

function parseBy(raw: string | undefined, available: string[]): string[] {
  const by = raw === undefined ? DEFAULT_BY.filter((d) => available.includes(d)) : raw.split(',')
  const chosen = by.length > 0 ? by : available.slice(0, 2)
  const unknown = chosen.filter((name) => !available.includes(name))
  if (chosen.length < 1 || chosen.length > 2 || unknown.length > 0 || new Set(chosen).size !== chosen.length) {
    throw new ApiError(422, 'invalid_dimension', 'Group by one or two distinct dimensions of this survey.', [
      { field: 'by', message: `Available dimensions: ${available.join(', ') || 'none'}.` },
    ])
  }
  return chosen
}

/** Releases and aggregates: researchers read, admins also make interim releases. */
export const adminResultRoutes = ({
  db,
  requireAdmin,
  minGroupSize,
  clock,
  audit,
}: AdminResultDeps) => {
  const factsOf = createDefinitionFacts()

  return new Hono<AuthEnv>()
    .get('/:slug/releases', async (c) => {
      const survey = await surveyOr404(db, c.req.param('slug'))
      const releases = await listReleases(db, survey.surveyId)
      return c.json({
        releases: releases.map(({ number, kind, createdOn }) => ({ number, kind, createdOn })),
      })
    })
    .post('/:slug/releases', requireAdmin, async (c) => {
      const survey = await surveyOr404(db, c.req.param('slug'))
      if (survey.status !== 'open') {
        const message = `Interim releases are made while a survey is open; this one is ${survey.status}.`
        throw new ApiError(409, 'invalid_transition', message)
      }
      const number = await release(db, survey, 'interim', minGroupSize, clock)
      await audit({
        actor: c.get('user').username,
        action: 'release.create',
        target: survey.slug,
        details: { release: number, kind: 'interim' },
      })
      return c.json({ release: number, kind: 'interim' }, 201)
    })
    // Arrivals over time, live: a week's count links to no answer; small weeks are still hidden.
    .get('/:slug/timeline', async (c) => {
      const survey = await surveyOr404(db, c.req.param('slug'))
      const days = await countByDay(db, { surveyId: survey.surveyId })
      return c.json({ survey: survey.slug, minGroupSize, weeks: countByWeek(days, minGroupSize) })
    })
    .get('/:slug/aggregates', async (c) => {
      const survey = await surveyOr404(db, c.req.param('slug'))
      const releases = await listReleases(db, survey.surveyId)
      const versionParam = c.req.query('version')
      const described =
        versionParam === undefined
          ? { id: survey.versionId, definition: survey.definition }
          : await versionOr404(db, survey, versionParam)
      const { kinds } = factsOf(described.id, described.definition)
      const { dimensions } = factsOf(survey.versionId, survey.definition)
      const by = parseBy(c.req.query('by'), dimensions.map((d) => d.name))
      const releaseParam = c.req.query('release')
      if (releases.length === 0) {
        if (releaseParam !== undefined) throw new ApiError(404, 'release_not_found', 'This survey has no releases yet.')
        return c.json(await liveCounts(db, survey, { by, dimensions, minGroupSize }))
      }
      const chosen =
        releaseParam === undefined
          ? releases[releases.length - 1]
          : releases.find((r) => String(r.number) === releaseParam)
      if (!chosen) throw new ApiError(404, 'release_not_found', `No release "${releaseParam}".`)
      const publication = JSON.parse(chosen.publication) as Publication
      return c.json(
        await readAggregates(db, survey, { by, releaseNo: chosen.number, publication, kinds }),
      )
    })
}

async function versionOr404(db: Kysely<Database>, survey: PublishedVersion, raw: string) {
  const version = Number(raw)
  const row = Number.isInteger(version)
    ? await db
        .selectFrom('survey_versions')
        .select(['id', 'definition'])
        .where('survey_id', '=', survey.surveyId)
        .where('version', '=', version)
        .executeTakeFirst()
    : undefined
  if (!row) throw new ApiError(404, 'version_not_found', `No version "${raw}" of this survey.`)
  return row
}

/** Makes a release; a refusal becomes 409 with the attacker's reasons as details. */
export async function release(
  db: Kysely<Database>,
  survey: PublishedVersion,
  kind: 'interim' | 'final',
  minGroupSize: number,
  clock: () => Date,
) {
  try {
    return await makeRelease(db, survey, { kind, minGroupSize, today: clock().toISOString().slice(0, 10) })
  } catch (error) {
    if (!(error instanceof ReleaseRefused)) throw error
    throw new ApiError(
      409,
      'release_refused',
      'This release would let a reader work out a group smaller than the minimum size.',
      error.reasons.map((message) => ({ message })),
    )
  }
}
