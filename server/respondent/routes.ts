import { randomBytes } from 'node:crypto'
import { Hono } from 'hono'
import type { Kysely } from 'kysely'
import type { z } from 'zod'
import { keyState } from '../../db/queries/idempotency-keys.js'
import {
  createResponseWriter,
  IdempotencyKeyReused,
  type ResponseWriter,
} from '../../db/queries/response-writer.js'
import { findOpenSurveyHead, type VersionHead } from '../../db/queries/surveys.js'
import type { Database } from '../../db/schema.js'
import { isValidSlug } from '../domain/slug.js'
import { ApiError } from '../platform/errors.js'
import { jsonBody, paramsOf } from '../platform/contract/validation.js'
import { prepareResponse } from '../domain/prepare-response.js'
import { createVersionCache } from './version-context.js'
import { idempotencyRecord, parseIdempotencyKey } from '../domain/idempotency.js'
import type { RateLimit } from '../platform/rate-limit.js'
import { submissionLimit } from './submission-limit.js'
import { createInvitationGate } from './invitation-gate.js'
import {
  checkCode,
  getOpenSurvey,
  submitResponse,
  type codeValidSchema,
  type openSurveySchema,
} from './contract.js'
import type { okSchema } from '../platform/openapi/response-schemas.js'
import type { InvitationKey } from '../invitations/invitation-secret.js'

export interface RespondentDeps {
  db: Kysely<Database>
  clock: () => Date
  /** Submissions per client address; see server/respondent/submission-limit.ts for the default. */
  submissionRateLimit?: RateLimit
  trustProxy?: boolean
  /** HMAC key of invitation codes (server/invitations/invitation-secret.ts). */
  invitationKey: InvitationKey
  /** Stores responses; default: the group commit on `db` (server/index.ts may give a threaded one). */
  responseWriter?: ResponseWriter
}

type OpenSurveyBody = z.input<typeof openSurveySchema>

const stored = { ok: true } satisfies z.input<typeof okSchema>

const keyReused = () =>
  new ApiError(
    422,
    'idempotency_key_reused',
    'This Idempotency-Key was already used for a different request.',
    [{ field: 'Idempotency-Key', message: 'Use a new key for each new set of answers.' }],
  )

/** The request's Idempotency-Key, kept as a hash and a keyed fingerprint; undefined without one. */
function idempotencyOf(header: string | undefined, slug: string, body: unknown) {
  if (header === undefined) return undefined
  const key = parseIdempotencyKey(header)
  if (key === null) {
    throw new ApiError(400, 'invalid_idempotency_key', 'The Idempotency-Key header is not valid.', [
      {
        field: 'Idempotency-Key',
        message: 'Send 16 to 255 visible ASCII characters, e.g. "<base64url of 16+ random bytes>".',
      },
    ])
  }
  return idempotencyRecord(key, slug, body)
}

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
  invitationKey,
  responseWriter,
}: RespondentDeps) => {
  const versions = createVersionCache(db)
  const responses = responseWriter ?? createResponseWriter(db)
  const invitations = createInvitationGate(db, invitationKey)
  const limit = submissionLimit({ clock, limit: submissionRateLimit, trustProxy })
  const openSurvey = async (slug: string): Promise<VersionHead> => {
    // No lookup for what cannot be a slug: PostgreSQL refuses a NUL in a query parameter.
    const survey = isValidSlug(slug) ? await findOpenSurveyHead(db, slug) : undefined
    if (!survey) throw surveyNotOpen()
    return survey
  }

  return new Hono()
    .get('/:slug', paramsOf(getOpenSurvey.params), async (c) => {
      const survey = await openSurvey(c.req.valid('param').slug)
      const { definition } = await versions.get(survey)
      const { slug, version, title } = survey
      // Only invitation surveys say so: the public survey's answer stays as it always was.
      const access = survey.access === 'invitation' ? { access: survey.access } : {}
      return c.json({ slug, version, title, definition, ...access } satisfies OpenSurveyBody)
    })
    // Lets the page tell a respondent about a wrong or spent code before they answer. Counted
    // with submissions by the rate limit; marks nothing.
    .post(
      '/:slug/codes/check',
      limit,
      paramsOf(checkCode.params),
      jsonBody(checkCode.body, 'The body must be {"code": "..."}.', 1024),
      async (c) => {
        const { code } = c.req.valid('json')
        await invitations.admit(await openSurvey(c.req.valid('param').slug), code)
        return c.json({ valid: true } satisfies z.input<typeof codeValidSchema>)
      },
    )
    .post(
      '/:slug/responses',
      limit,
      paramsOf(submitResponse.params),
      jsonBody(
        submitResponse.body,
        'The body must be {"answers": {...}, "locale": "fi", "code"?: "..."}.',
      ),
      async (c) => {
        const body = c.req.valid('json')
        const survey = await openSurvey(c.req.valid('param').slug)
        const idempotency = idempotencyOf(c.req.header('idempotency-key'), survey.slug, body)
        // A resend of a stored submission (its 201 was lost) is answered as the first was, before
        // its code, now spent, could refuse it.
        const known = idempotency && (await keyState(db, survey.surveyId, idempotency))
        if (known === 'repeat') return c.json(stored, 201)
        if (known === 'reused') throw keyReused()
        const code = await invitations.admit(survey, body.code)
        const version = await versions.get(survey)
        const prepared = prepareResponse(version, body)
        if (!prepared.ok) {
          throw new ApiError(422, prepared.code, prepared.message, prepared.details)
        }
        // The code is marked used in the response's own transaction, and never stored with it.
        const claim =
          code === undefined
            ? undefined
            : { order: `${survey.surveyId}:${code}`, run: invitations.spend(survey, code) }
        const response = {
          id: randomBytes(16).toString('hex'),
          surveyId: survey.surveyId,
          surveyVersionId: survey.versionId,
          dimensions: version.dimensions,
          submittedOn: clock().toISOString().slice(0, 10),
          ...prepared.response,
        }
        try {
          await responses.write(response, { claim, idempotency })
        } catch (error) {
          if (error instanceof IdempotencyKeyReused) throw keyReused()
          throw error
        }
        return c.json(stored, 201)
      },
    )
}
