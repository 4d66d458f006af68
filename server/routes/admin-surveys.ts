import { Hono, type MiddlewareHandler } from 'hono'
import type { Kysely } from 'kysely'
import { inTransaction } from '../../db/transaction.js'
import { z } from 'zod'
import type { Audit } from '../../db/queries/audit-log.js'
import {
  changeStatus,
  createDraft,
  listSurveys,
  replaceDraftDefinition,
} from '../../db/queries/survey-admin.js'
import { saveSurveyVersion, type PublishedVersion } from '../../db/queries/surveys.js'
import type { Database } from '../../db/schema.js'
import type { AuthEnv } from '../auth/middleware.js'
import { ApiError } from '../errors.js'
import { surveyOr404 } from './survey-or-404.js'
import { limitBody, readJsonBody, requireJson } from '../json-body.js'
import { checkDefinition, nextStatus, type StatusAction } from '../domain/publishing.js'
import { isValidSlug, SLUG_MAX_LENGTH } from '../domain/slug.js'
import { definitionChecksum } from '../domain/survey-definition.js'
import { isPlainObject } from '../domain/answers/json.js'

export interface AdminSurveyDeps {
  db: Kysely<Database>
  /** Guards the routes that change surveys (the whole sub-app already requires a signed-in user). */
  requireAdmin: MiddlewareHandler<AuthEnv>
  /** After a close: the final release, audited as `actor`; its fields join the response. */
  afterClose?: (survey: PublishedVersion, actor: string) => Promise<Record<string, unknown>>
  /** Records each change that succeeded, with the signed-in user as actor. */
  audit: Audit
}

// Questionnaires with many localized strings outgrow the respondents' 64 KiB limit.
export const MAX_DEFINITION_BYTES = 1024 * 1024

const definitionField = z.custom<Record<string, unknown>>(isPlainObject, 'must be a JSON object')
export const createSchema = z.strictObject({ slug: z.string(), definition: definitionField })
export const replaceSchema = z.strictObject({ definition: definitionField })

function checked(definition: Record<string, unknown>) {
  const check = checkDefinition(definition)
  if (!check.ok) {
    const details = check.errors.map((message) => ({ field: 'definition', message }))
    throw new ApiError(422, 'invalid_definition', 'The questionnaire cannot be used as it is.', details)
  }
  return {
    title: check.title,
    definition: JSON.stringify(definition),
    checksum: definitionChecksum(definition),
  }
}

/** Admin routes for questionnaires: list (any signed-in user), create, replace, publish, close. */
export const adminSurveyRoutes = ({ db, requireAdmin, afterClose, audit }: AdminSurveyDeps) => {
  const transition = (action: StatusAction): MiddlewareHandler<AuthEnv> => async (c) => {
    const slug = c.req.param('slug') ?? ''
    const survey = await surveyOr404(db, slug)
    const to = nextStatus(survey.status, action)
    const actor = c.get('user').username
    // The change and its audit entry are stored together or not at all.
    await inTransaction(db, async (trx) => {
      if (!to || !(await changeStatus(trx, slug, survey.status, to))) {
        const verb = action === 'publish' ? 'published' : 'closed'
        const message = `A ${survey.status} survey cannot be ${verb}.`
        throw new ApiError(409, 'invalid_transition', message)
      }
      const details = { version: survey.version }
      await audit({ actor, action: `survey.${action}`, target: slug, details }, trx)
    })
    // The final release is its own step (a refused release does not undo the close).
    const closed = { ...survey, status: 'closed' as const }
    const extra = to === 'closed' && afterClose ? await afterClose(closed, actor) : {}
    return c.json({ slug, status: to, version: survey.version, ...extra })
  }

  return new Hono<AuthEnv>()
    .get('/', async (c) => c.json({ surveys: await listSurveys(db) }))
    .get('/:slug', async (c) => {
      const survey = await surveyOr404(db, c.req.param('slug'))
      return c.json({
        slug: survey.slug,
        title: survey.title,
        status: survey.status,
        version: survey.version,
        access: survey.access,
        definition: JSON.parse(survey.definition),
      })
    })
    .post('/', requireAdmin, requireJson, limitBody(MAX_DEFINITION_BYTES), async (c) => {
      const body = await readJsonBody(c, createSchema, 'The body must be {"slug": "...", "definition": {...}}.')
      if (!isValidSlug(body.slug)) {
        throw new ApiError(422, 'invalid_slug', 'The slug must be lower-case letters, digits and single hyphens.', [
          { field: 'slug', message: `At most ${SLUG_MAX_LENGTH} characters, e.g. "nurses-2027".` },
        ])
      }
      const input = checked(body.definition)
      const actor = c.get('user').username
      // The survey and its audit entry are stored together or not at all.
      await inTransaction(db, async (trx) => {
        if (!(await createDraft(trx, body.slug, input))) {
          throw new ApiError(409, 'slug_taken', `A survey "${body.slug}" already exists.`)
        }
        const entry = { actor, target: body.slug, details: { version: 1 } }
        await audit({ ...entry, action: 'survey.create' }, trx)
      })
      return c.json({ slug: body.slug, title: input.title, status: 'draft', version: 1 }, 201)
    })
    .put('/:slug', requireAdmin, requireJson, limitBody(MAX_DEFINITION_BYTES), async (c) => {
      const slug = c.req.param('slug')
      const body = await readJsonBody(c, replaceSchema, 'The body must be {"definition": {...}}.')
      const survey = await surveyOr404(db, slug)
      const input = checked(body.definition)
      const actor = c.get('user').username
      if (survey.status === 'draft') {
        await inTransaction(db, async (trx) => {
          await replaceDraftDefinition(trx, survey.surveyId, input)
          const details = { version: survey.version }
          await audit({ actor, action: 'survey.replace-draft', target: slug, details }, trx)
        })
        return c.json({ slug, title: input.title, status: 'draft', version: survey.version })
      }
      if (survey.status === 'closed') {
        throw new ApiError(409, 'survey_closed', 'A closed survey cannot be changed.')
      }
      const saved = await inTransaction(db, async (trx) => {
        const next = { slug, ...input, source: null, initialStatus: 'open' as const }
        const result = await saveSurveyVersion(trx, next)
        if (result.outcome === 'dimensions-changed') {
          const details = [{ field: 'definition', message: result.reason ?? '' }]
          const message = 'An open survey keeps its dimensions; group by others in a new survey.'
          throw new ApiError(409, 'dimensions_changed', message, details)
        }
        const details = { version: result.version }
        await audit({ actor, action: 'survey.version', target: slug, details }, trx)
        return result
      })
      return c.json({ slug, title: input.title, status: 'open', version: saved.version })
    })
    .post('/:slug/publish', requireAdmin, transition('publish'))
    .post('/:slug/close', requireAdmin, transition('close'))
}
