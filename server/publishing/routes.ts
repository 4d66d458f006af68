import { floorToGroup } from '../domain/suppression/live-counts.js'
import { Hono, type MiddlewareHandler } from 'hono'
import type { Kysely } from 'kysely'
import { inTransaction } from '../../db/transaction.js'
import { z } from 'zod'
import type { Audit } from '../../db/queries/audit-log.js'
import { changeStatus, listSurveys } from '../../db/queries/survey-admin.js'
import type { PublishedVersion } from '../../db/queries/surveys.js'
import type { Database } from '../../db/schema.js'
import type { AuthEnv } from '../accounts/middleware.js'
import { ApiError } from '../platform/errors.js'
import { surveyOr404 } from '../platform/survey-or-404.js'
import { limitBody, readJsonBody, requireJson } from '../platform/json-body.js'
import { nextStatus, type StatusAction } from '../domain/publishing.js'
import { assertValidSlug, createSurvey, replaceSurvey } from '../authoring/survey-saves.js'
import { isPlainObject } from '../domain/answers/json.js'

export interface AdminSurveyDeps {
  db: Kysely<Database>
  /** Guards the routes that change surveys (the whole sub-app already requires a signed-in user). */
  requireAdmin: MiddlewareHandler<AuthEnv>
  /** After a close: the final release, audited as `actor`; its fields join the response. */
  afterClose?: (survey: PublishedVersion, actor: string) => Promise<Record<string, unknown>>
  /** Records each change that succeeded, with the signed-in user as actor. */
  audit: Audit
  /** Live response counts are shown rounded down to a multiple of it (decision 007). */
  minGroupSize?: number
}

// Questionnaires with many localized strings outgrow the respondents' 64 KiB limit.
export const MAX_DEFINITION_BYTES = 1024 * 1024

const definitionField = z.custom<Record<string, unknown>>(isPlainObject, 'must be a JSON object')
export const createSchema = z.strictObject({ slug: z.string(), definition: definitionField })
export const replaceSchema = z.strictObject({ definition: definitionField })

/** Admin routes for questionnaires: list (any signed-in user), create, replace, publish, close. */
export const adminSurveyRoutes = ({
  db,
  requireAdmin,
  afterClose,
  audit,
  minGroupSize = 5,
}: AdminSurveyDeps) => {
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
    .get('/', async (c) => {
      const surveys = await listSurveys(db)
      const rounded = (n: number) => floorToGroup(n, minGroupSize)
      return c.json({ surveys: surveys.map((s) => ({ ...s, responses: rounded(s.responses) })) })
    })
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
      assertValidSlug(body.slug)
      const save = { db, audit, actor: c.get('user').username, slug: body.slug }
      return c.json(await createSurvey(save, body.definition), 201)
    })
    .put('/:slug', requireAdmin, requireJson, limitBody(MAX_DEFINITION_BYTES), async (c) => {
      const body = await readJsonBody(c, replaceSchema, 'The body must be {"definition": {...}}.')
      const save = { db, audit, actor: c.get('user').username, slug: c.req.param('slug') }
      return c.json(await replaceSurvey(save, () => body.definition))
    })
    .post('/:slug/publish', requireAdmin, transition('publish'))
    .post('/:slug/close', requireAdmin, transition('close'))
}
