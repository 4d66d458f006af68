import { Hono, type MiddlewareHandler } from 'hono'
import type { Kysely } from 'kysely'
import type { Audit } from '../../db/queries/audit-log.js'
import { saveBaseline } from '../../db/queries/baselines.js'
import type { Database } from '../../db/schema.js'
import { inTransaction } from '../../db/transaction.js'
import type { AuthEnv } from '../accounts/middleware.js'
import { ApiError } from '../platform/errors.js'
import { jsonBody, paramsOf, queryOf } from '../platform/contract/validation.js'
import { knowledgeDefinition } from './definition.js'
import { queryKnowledge } from './query.js'
import { createKnowledgeCaches, type KnowledgeCaches } from './release-cache.js'
import {
  BASELINE_BODY_BYTES,
  BASELINE_MAX_ITEMS,
  getKnowledge,
  setBaseline,
  type SavedBaseline,
} from './contract.js'
import { surveyOr404 } from '../platform/survey-or-404.js'

export interface AdminKnowledgeDeps {
  db: Kysely<Database>
  requireAdmin: MiddlewareHandler<AuthEnv>
  minGroupSize: number
  audit: Audit
  /** A release's figures, computed once per app (server/app.ts). */
  knowledge?: KnowledgeCaches
}

const EXPECTED =
  'The body must be {"label": "...", "items": {"<quiz item>": {"n": 120, "correct": 80}}}.'

/** What the survey measures: knowledge and confidence by group; admins set a baseline. */
export const adminKnowledgeRoutes = ({
  db,
  requireAdmin,
  minGroupSize,
  audit,
  knowledge = createKnowledgeCaches(),
}: AdminKnowledgeDeps) =>
  new Hono<AuthEnv>()
    .get(
      '/:slug/knowledge',
      paramsOf(getKnowledge.params),
      queryOf(getKnowledge.query),
      async (c) => {
        const survey = await surveyOr404(db, c.req.valid('param').slug)
        const query = c.req.valid('query')
        return c.json(await queryKnowledge(db, survey, query, minGroupSize, knowledge))
      },
    )
    .put(
      '/:slug/baseline',
      requireAdmin,
      paramsOf(setBaseline.params),
      jsonBody(setBaseline.body, EXPECTED, BASELINE_BODY_BYTES),
      async (c) => {
        const baseline = c.req.valid('json')
        const survey = await surveyOr404(db, c.req.valid('param').slug)
        const { items } = knowledgeDefinition(JSON.parse(survey.definition))
        const details = Object.entries(baseline.items).flatMap(([name, { n, correct }]) => [
          ...(items.includes(name)
            ? []
            : [{ field: `items.${name}`, message: 'Not a quiz item of this survey.' }]),
          ...(correct > n
            ? [{ field: `items.${name}`, message: '"correct" is more than "n".' }]
            : []),
        ])
        const count = Object.keys(baseline.items).length
        if (count === 0 || count > BASELINE_MAX_ITEMS) {
          details.push({ field: 'items', message: 'Give at least one quiz item.' })
        }
        if (details.length > 0) {
          throw new ApiError(422, 'invalid_baseline', 'The baseline does not fit the quiz.', details)
        }
        await inTransaction(db, async (trx) => {
          await saveBaseline(trx, survey.surveyId, baseline)
          const entry = { actor: c.get('user').username, target: survey.slug }
          const auditDetails = { label: baseline.label, items: count }
          await audit({ ...entry, action: 'survey.baseline', details: auditDetails }, trx)
        })
        return c.json({ slug: survey.slug, ...baseline } satisfies SavedBaseline)
      },
    )
