import type { z } from 'zod'
import type { ApiTokenSummary } from '../../db/queries/api-tokens.js'
import { tokenStatus } from '../domain/token-status.js'
import type { tokenListSchema } from './contract.js'

/**
 * The body of both token lists (your own, and a user's for admins): each field named, so the
 * answer holds exactly what the schema describes, never the hash.
 */
export const tokenListBody = (
  list: readonly ApiTokenSummary[],
  nowIso: string,
): z.input<typeof tokenListSchema> => ({
  tokens: list.map(({ id, name, createdAt, expiresAt, revokedAt, lastUsedOn }) => ({
    id,
    name,
    createdAt,
    expiresAt,
    revokedAt,
    lastUsedOn,
    status: tokenStatus({ revokedAt, expiresAt }, nowIso),
  })),
})
