import { randomBytes } from 'node:crypto'
import { Hono } from 'hono'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import { insertResponse } from '../../db/queries/responses.js'
import { findOpenSurvey, type PublishedVersion } from '../../db/queries/surveys.js'
import type { Database } from '../../db/schema.js'
import { ApiError } from '../errors.js'
import { limitBody, readJsonBody, requireJson } from '../json-body.js'
import { prepareResponse } from '../domain/prepare-response.js'
import { createVersionCache } from '../version-cache.js'
import { isPlainObject } from '../domain/answers/json.js'
import type { RateLimit } from '../auth/rate-limit.js'
import { submissionLimit } from '../submission-limit.js'

export interface RespondentDeps {
  db: Kysely<Database>
  clock: () => Date
  /** Submissions per client address; see server/submission-limit.ts for the default. */
  submissionRateLimit?: RateLimit
  trustProxy?: boolean
}

// z.custom keeps the parsed object as is: a record schema would copy keys such as "__proto__".
const submissionSchema = z.strictObject({
  answers: z.custom<Record<string, unknown>>(isPlainObject, 'must be an object of answers'),
  locale: z.string().min(2).max(16).optional(),
})

const surveyNotOpen = () =>
  new ApiError(404, 'survey_not_found', 'No open survey exists at this address.')

/**
 * Public routes: what a respondent's browser calls. Nothing here stores who calls; the address is
 * only turned into an in-memory rate-limit key.
 */
export const respondentRoutes = ({
  db,
  clock,
  submissionRateLimit,
  trustProxy,
}: RespondentDeps) => {
  const versions = createVersionCache()
  const limit = submissionLimit({ clock, limit: submissionRateLimit, trustProxy })
  const openSurvey = async (slug: string): Promise<PublishedVersion> => {
    const survey = await findOpenSurvey(db, slug)
    if (!survey) throw surveyNotOpen()
    return survey
  }

  return new Hono()
    .get('/:slug', async (c) => {
      const survey = await openSurvey(c.req.param('slug'))
      const { definition } = versions.get(survey)
      return c.json({ slug: survey.slug, version: survey.version, title: survey.title, definition })
    })
    .post('/:slug/responses', limit, requireJson, limitBody(), async (c) => {
      const body = await readJsonBody(
        c,
        submissionSchema,
        'The body must be {"answers": {...}, "locale": "fi"}.',
      )
      const survey = await openSurvey(c.req.param('slug'))
      const prepared = prepareResponse(versions.get(survey), body)
      if (!prepared.ok) {
        throw new ApiError(422, prepared.code, prepared.message, prepared.details)
      }
      await insertResponse(db, {
        id: randomBytes(16).toString('hex'),
        surveyVersionId: survey.versionId,
        submittedOn: clock().toISOString().slice(0, 10),
        ...prepared.response,
      })
      return c.json({ ok: true }, 201)
    })
}
