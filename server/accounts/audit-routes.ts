import { Hono, type MiddlewareHandler } from 'hono'
import type { Kysely } from 'kysely'
import type { z } from 'zod'
import { listAudit } from '../../db/queries/audit-log.js'
import type { Database } from '../../db/schema.js'
import type { AuthEnv } from './middleware.js'
import { ApiError } from '../platform/errors.js'
import { queryOf } from '../platform/contract/validation.js'
import { listAuditEntries, type auditSchema } from './contract.js'

export interface AdminAuditDeps {
  db: Kysely<Database>
  requireAdmin: MiddlewareHandler<AuthEnv>
}

const DEFAULT_LIMIT = 100
const MAX_LIMIT = 1000

function parseLimit(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_LIMIT
  const limit = /^\d{1,7}$/.test(raw) ? Number(raw) : 0
  if (limit < 1) {
    throw new ApiError(422, 'invalid_limit', 'The limit must be a whole number from 1.', [
      { field: 'limit', message: `1 to ${MAX_LIMIT}; larger values are capped.` },
    ])
  }
  return Math.min(limit, MAX_LIMIT)
}

/** The admin audit log, newest first: admins only (it names accounts). */
export const adminAuditRoutes = ({ db, requireAdmin }: AdminAuditDeps) =>
  new Hono<AuthEnv>().get('/', requireAdmin, queryOf(listAuditEntries.query), async (c) => {
    const limit = parseLimit(c.req.valid('query').limit)
    const body: z.input<typeof auditSchema> = { entries: await listAudit(db, { limit }) }
    return c.json(body)
  })
