import { Hono, type MiddlewareHandler } from 'hono'
import type { Kysely } from 'kysely'
import type { Audit } from '../../db/queries/audit-log.js'
import { changeStatus, listSurveys } from '../../db/queries/survey-admin.js'
import type { PublishedVersion } from '../../db/queries/surveys.js'
import type { Database } from '../../db/schema.js'
import { inTransaction } from '../../db/transaction.js'
import type { AuthEnv } from '../accounts/middleware.js'
import { assertValidSlug, createSurvey, replaceSurvey } from '../authoring/survey-saves.js'
import { nextStatus, type StatusAction } from '../domain/publishing.js'
import { floorToGroup } from '../domain/suppression/live-counts.js'
import { jsonBody, paramsOf } from '../platform/contract/validation.js'
import { ApiError } from '../platform/errors.js'
import { surveyOr404 } from '../platform/survey-or-404.js'
import * as contract from './contract.js'
import type {
  ClosedSurvey,
  FinalRelease,
  PublishedSurvey,
  SavedSurvey,
  SurveyDetail,
  SurveyList,
} from './contract.js'

export interface AdminSurveyDeps {
  db: Kysely<Database>
  /** Guards the routes that change surveys (the whole sub-app already requires a signed-in user). */
  requireAdmin: MiddlewareHandler<AuthEnv>
  /** After a close: the final release, audited as `actor`; its fields join the response. */
  afterClose: (survey: PublishedVersion, actor: string) => Promise<FinalRelease>
  /** Records each change that succeeded, with the signed-in user as actor. */
  audit: Audit
  /** Live response counts are shown rounded down to a multiple of it (decision 007). */
  minGroupSize?: number
  /** PUBLIC_URL: the base the admin page builds respondent links on; unset, its own origin. */
  publicUrl?: string
}

/** Admin routes for questionnaires: list (any signed-in user), create, replace, publish, close. */
export const adminSurveyRoutes = ({
  db,
  requireAdmin,
  afterClose,
  audit,
  minGroupSize = 5,
  publicUrl,
}: AdminSurveyDeps) => {
  /** The change and its audit entry, stored together or not at all; 409 when not allowed. */
  const transition = async (slug: string, action: StatusAction, actor: string) => {
    const survey = await surveyOr404(db, slug)
    const to = nextStatus(survey.status, action)
    await inTransaction(db, async (trx) => {
      if (!to || !(await changeStatus(trx, slug, survey.status, to))) {
        const verb = action === 'publish' ? 'published' : 'closed'
        const message = `A ${survey.status} survey cannot be ${verb}.`
        throw new ApiError(409, 'invalid_transition', message)
      }
      const details = { version: survey.version }
      await audit({ actor, action: `survey.${action}`, target: slug, details }, trx)
    })
    return survey
  }

  return new Hono<AuthEnv>()
    .get('/', async (c) => {
      const surveys = await listSurveys(db)
      const rounded = (n: number) => floorToGroup(n, minGroupSize)
      // Field by field, so a column added to the query is not answered until it is documented.
      const list: SurveyList = {
        surveys: surveys.map(({ slug, title, status, version, responses }) => ({
          slug,
          title,
          status,
          version,
          responses: rounded(responses),
        })),
      }
      return c.json(list)
    })
    .get('/:slug', paramsOf(contract.getSurvey.params), async (c) => {
      const survey = await surveyOr404(db, c.req.valid('param').slug)
      const detail: SurveyDetail = {
        slug: survey.slug,
        title: survey.title,
        status: survey.status,
        version: survey.version,
        access: survey.access,
        definition: JSON.parse(survey.definition),
        ...(publicUrl && { publicUrl }),
      }
      return c.json(detail)
    })
    .post(
      '/',
      requireAdmin,
      jsonBody(
        contract.createSurvey.body,
        'The body must be {"slug": "...", "definition": {...}}.',
        contract.MAX_DEFINITION_BYTES,
      ),
      async (c) => {
        const body = c.req.valid('json')
        assertValidSlug(body.slug)
        const save = { db, audit, actor: c.get('user').username, slug: body.slug }
        const saved: SavedSurvey = await createSurvey(save, body.definition)
        return c.json(saved, 201)
      },
    )
    .put(
      '/:slug',
      requireAdmin,
      paramsOf(contract.replaceDefinition.params),
      jsonBody(
        contract.replaceDefinition.body,
        'The body must be {"definition": {...}}.',
        contract.MAX_DEFINITION_BYTES,
      ),
      async (c) => {
        const { definition } = c.req.valid('json')
        const { slug } = c.req.valid('param')
        const save = { db, audit, actor: c.get('user').username, slug }
        const saved: SavedSurvey = await replaceSurvey(save, () => definition)
        return c.json(saved)
      },
    )
    .post('/:slug/publish', requireAdmin, paramsOf(contract.publishSurvey.params), async (c) => {
      const { slug } = c.req.valid('param')
      const survey = await transition(slug, 'publish', c.get('user').username)
      const published: PublishedSurvey = { slug, status: 'open', version: survey.version }
      return c.json(published)
    })
    .post('/:slug/close', requireAdmin, paramsOf(contract.closeSurvey.params), async (c) => {
      const { slug } = c.req.valid('param')
      const actor = c.get('user').username
      const survey = await transition(slug, 'close', actor)
      // The final release is its own step (a refused release does not undo the close).
      const release = await afterClose({ ...survey, status: 'closed' }, actor)
      const closed: ClosedSurvey = { slug, status: 'closed', version: survey.version, ...release }
      return c.json(closed)
    })
}
