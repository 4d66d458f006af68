import { floorToGroup } from '../domain/suppression/live-counts.js'
import { randomBytes } from 'node:crypto'
import { Hono, type MiddlewareHandler } from 'hono'
import type { Kysely } from 'kysely'
import { inTransaction } from '../../db/transaction.js'
import type { z } from 'zod'
import type { Audit } from '../../db/queries/audit-log.js'
import { countCodes, insertCodes, setSurveyAccess } from '../../db/queries/invitation-codes.js'
import type { Database } from '../../db/schema.js'
import type { AuthEnv } from '../accounts/middleware.js'
import { attachment } from '../platform/content-disposition.js'
import { CODE_BYTES, codeFromBytes, codeHmac, normalizeCode } from '../domain/invitation-code.js'
import { invitationCsv, invitationLink } from '../domain/invitation-csv.js'
import { ApiError } from '../platform/errors.js'
import type { InvitationKey } from './invitation-secret.js'
import { jsonBody, paramsOf } from '../platform/contract/validation.js'
import {
  createCodes,
  getCodeCounts,
  MAX_CODES_PER_REQUEST,
  setAccess,
  type accessSavedSchema,
  type codeCountsSchema,
} from './contract.js'
import { surveyOr404 } from '../platform/survey-or-404.js'

export interface AdminInvitationDeps {
  db: Kysely<Database>
  requireAdmin: MiddlewareHandler<AuthEnv>
  audit: Audit
  invitationKey: InvitationKey
  /** Base of the ready-to-send links in the CSV; without it the CSV has codes only. */
  publicUrl?: string
  /** Codes used are respondents: shown rounded down to a multiple of it (decision 007). */
  minGroupSize?: number
}

type CodeCountsBody = z.input<typeof codeCountsSchema>

const closed = () => new ApiError(409, 'survey_closed', 'A closed survey cannot be changed.')

function newCodes(count: number): string[] {
  const codes = new Set<string>()
  while (codes.size < count) codes.add(codeFromBytes(randomBytes(CODE_BYTES)))
  return [...codes]
}

/** Invitation-only surveys: who may answer, one-time codes (admins only; counts, never codes). */
export const adminInvitationRoutes = ({
  db,
  requireAdmin,
  audit,
  invitationKey,
  publicUrl,
  minGroupSize = 5,
}: AdminInvitationDeps) =>
  new Hono<AuthEnv>()
    .get('/:slug/invitation-codes', requireAdmin, paramsOf(getCodeCounts.params), async (c) => {
      const survey = await surveyOr404(db, c.req.valid('param').slug)
      const { total, used } = await countCodes(db, survey.surveyId)
      const shown = floorToGroup(used, minGroupSize)
      return c.json({ access: survey.access, total, used: shown } satisfies CodeCountsBody)
    })
    .put(
      '/:slug/access',
      requireAdmin,
      paramsOf(setAccess.params),
      jsonBody(
        setAccess.body,
        'The body must be {"access": "public"} or {"access": "invitation"}.',
        1024,
      ),
      async (c) => {
        const { access } = c.req.valid('json')
        const survey = await surveyOr404(db, c.req.valid('param').slug)
        if (survey.status === 'closed') throw closed()
        if (survey.access !== access) {
          await inTransaction(db, async (trx) => {
            await setSurveyAccess(trx, survey.surveyId, access)
            const actor = c.get('user').username
            const entry = { actor, target: survey.slug, details: { access } }
            await audit({ ...entry, action: 'survey.access' }, trx)
          })
        }
        return c.json({ slug: survey.slug, access } satisfies z.input<typeof accessSavedSchema>)
      },
    )
    // The plain codes exist only in this response: the database keeps their HMACs.
    .post(
      '/:slug/invitation-codes',
      requireAdmin,
      paramsOf(createCodes.params),
      jsonBody(createCodes.body, 'The body must be {"count": 100}.', 1024),
      async (c) => {
        const { count } = c.req.valid('json')
        if (!Number.isInteger(count) || count < 1 || count > MAX_CODES_PER_REQUEST) {
          throw new ApiError(422, 'invalid_count', 'Choose how many codes to make.', [
            { field: 'count', message: `A whole number from 1 to ${MAX_CODES_PER_REQUEST}.` },
          ])
        }
        const survey = await surveyOr404(db, c.req.valid('param').slug)
        if (survey.status === 'closed') throw closed()
        const key = await invitationKey()
        const codes = newCodes(count)
        await inTransaction(db, async (trx) => {
          const hmacs = codes.map((code) => codeHmac(key, normalizeCode(code)!))
          await insertCodes(trx, survey.surveyId, hmacs)
          const entry = { actor: c.get('user').username, target: survey.slug, details: { count } }
          await audit({ ...entry, action: 'invitation-codes.create' }, trx)
        })
        const link = publicUrl ? invitationLink(publicUrl, survey.slug) : undefined
        return c.body(invitationCsv(codes, link), 201, {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': attachment(`${survey.slug}-invitation-codes`, 'csv'),
        })
      },
    )
