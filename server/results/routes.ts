import { Hono, type MiddlewareHandler } from 'hono'
import type { Kysely } from 'kysely'
import { inTransaction } from '../../db/transaction.js'
import type { Audit } from '../../db/queries/audit-log.js'
import { listReleases, ReleaseRefused } from '../../db/queries/releases.js'
import type { PublishedVersion } from '../../db/queries/surveys.js'
import type { Database } from '../../db/schema.js'
import type { AuthEnv } from '../accounts/middleware.js'
import { createDefinitionFacts } from './definition-facts.js'
import { ApiError } from '../platform/errors.js'
import { surveyOr404 } from '../platform/survey-or-404.js'
import { countByDay } from '../../db/queries/aggregates.js'
import { liveWeeks } from '../domain/suppression/live-counts.js'
import { makeRelease, type ExtraFigures } from './releases.js'
import { queryAggregates } from './aggregates-query.js'
import { paramsOf, queryOf } from '../platform/contract/validation.js'
import * as contract from './contract.js'
import type { Release, ReleaseCreated, Timeline } from './contract.js'

export interface AdminResultDeps {
  db: Kysely<Database>
  requireAdmin: MiddlewareHandler<AuthEnv>
  minGroupSize: number
  clock: () => Date
  audit: Audit
  /** Figures other features publish with a release, audited with it (decision 007). */
  extra?: ExtraFigures
}

/** Releases and aggregates: researchers read, admins also make interim releases. */
export const adminResultRoutes = ({
  db,
  requireAdmin,
  minGroupSize,
  clock,
  audit,
  extra,
}: AdminResultDeps) => {
  const factsOf = createDefinitionFacts()

  return (
    new Hono<AuthEnv>()
      .get('/:slug/releases', paramsOf(contract.listReleases.params), async (c) => {
        const survey = await surveyOr404(db, c.req.valid('param').slug)
        const releases = await listReleases(db, survey.surveyId)
        const listed = releases.map(({ number, kind, createdOn }): Release => ({
          number,
          kind,
          createdOn,
        }))
        return c.json({ releases: listed })
      })
      .post(
        '/:slug/releases',
        requireAdmin,
        paramsOf(contract.makeInterimRelease.params),
        async (c) => {
          const survey = await surveyOr404(db, c.req.valid('param').slug)
          if (survey.status !== 'open') {
            const message = `Interim releases are made while a survey is open; this one is ${survey.status}.`
            throw new ApiError(409, 'invalid_transition', message)
          }
          const actor = c.get('user').username
          const recording = { minGroupSize, clock, audit, actor, extra }
          const number = await auditedRelease(db, survey, 'interim', recording)
          return c.json({ release: number, kind: 'interim' } satisfies ReleaseCreated, 201)
        },
      )
      // Arrivals over time, live: rounded running totals (decision 007), so no look at it, nor two
      // looks, nor a look and a release, pins a handful of responses.
      .get('/:slug/timeline', paramsOf(contract.getTimeline.params), async (c) => {
        const survey = await surveyOr404(db, c.req.valid('param').slug)
        const days = await countByDay(db, { surveyId: survey.surveyId })
        const weeks = liveWeeks(days, minGroupSize)
        return c.json({ survey: survey.slug, minGroupSize, weeks } satisfies Timeline)
      })
      .get(
        '/:slug/aggregates',
        paramsOf(contract.getAggregates.params),
        queryOf(contract.getAggregates.query),
        async (c) => {
          const survey = await surveyOr404(db, c.req.valid('param').slug)
          const query = c.req.valid('query')
          return c.json(await queryAggregates(db, factsOf, survey, query, minGroupSize))
        },
      )
  )
}

/** A release and its audit entry in one transaction: no release goes unrecorded. */
export async function auditedRelease(
  db: Kysely<Database>,
  survey: PublishedVersion,
  kind: 'interim' | 'final',
  by: {
    minGroupSize: number
    clock: () => Date
    audit: Audit
    actor: string
    /** Figures another feature publishes with the release, for the audit (decision 007). */
    extra?: ExtraFigures
  },
): Promise<number> {
  return inTransaction(db, async (trx) => {
    const number = await release(trx, survey, kind, by)
    const details = { release: number, kind }
    await by.audit({ actor: by.actor, action: 'release.create', target: survey.slug, details }, trx)
    return number
  })
}

/** Makes a release; a refusal becomes 409 with the attacker's reasons as details. */
async function release(
  db: Kysely<Database>,
  survey: PublishedVersion,
  kind: 'interim' | 'final',
  by: { minGroupSize: number; clock: () => Date; extra?: ExtraFigures },
) {
  try {
    const today = by.clock().toISOString().slice(0, 10)
    return await makeRelease(db, survey, {
      kind,
      minGroupSize: by.minGroupSize,
      today,
      extra: by.extra,
    })
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
