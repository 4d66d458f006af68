import { randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import {
  findApiToken,
  insertApiToken,
  listApiTokens,
  markApiTokenUsed,
  revokeApiToken,
} from '../../db/queries/api-tokens.js'
import type { Database } from '../../db/schema.js'
import type { CreatedToken } from './contract.js'
import { hashToken, type SessionUser } from './sessions.js'

/** Recognisable in logs, config files and secret scanners. */
export const API_TOKEN_PREFIX = 'hsv_'
// The prefix and 256 random bits, base64url: anything else is refused without a database lookup.
const API_TOKEN_PATTERN = /^hsv_[A-Za-z0-9_-]{43}$/

const DAY_MS = 24 * 60 * 60 * 1000

export const isApiTokenShaped = (token: string) => API_TOKEN_PATTERN.test(token)

/** Personal API tokens: made and listed by their owner, resolved on Bearer requests. */
export const createApiTokens = ({ db, clock }: { db: Kysely<Database>; clock: () => Date }) => ({
  /**
   * A new token; the only time it exists in clear (only its hash is stored). `trx`: the
   * transaction its audit entry goes into.
   */
  async create(
    userId: number,
    { name, expiresInDays }: { name: string; expiresInDays?: number },
    trx: Kysely<Database> = db,
  ): Promise<CreatedToken> {
    const token = API_TOKEN_PREFIX + randomBytes(32).toString('base64url')
    const now = clock()
    const expiresAt =
      expiresInDays === undefined
        ? null
        : new Date(now.getTime() + expiresInDays * DAY_MS).toISOString()
    const id = await insertApiToken(trx, {
      userId,
      name,
      tokenHash: hashToken(token),
      createdAt: now.toISOString(),
      expiresAt,
    })
    return { id, name, token, expiresAt }
  },

  list: (userId: number) => listApiTokens(db, userId),

  /** One of the user's tokens; `trx`: the transaction its audit entry goes into. */
  revoke: (userId: number, id: number, trx: Kysely<Database> = db) =>
    revokeApiToken(trx, { id, userId, at: clock().toISOString() }),

  /**
   * The token's owner with their current role, or undefined if unknown, revoked or expired.
   * `noteUse` records the day of use; the caller runs it only once the request is allowed.
   */
  async resolve(token: string): Promise<ResolvedToken | undefined> {
    if (!isApiTokenShaped(token)) return undefined
    const found = await findApiToken(db, hashToken(token))
    if (!found || found.revokedAt !== null) return undefined
    const now = clock()
    if (found.expiresAt !== null && now.getTime() >= Date.parse(found.expiresAt)) return undefined
    const today = now.toISOString().slice(0, 10)
    return {
      user: { id: found.userId, username: found.username, role: found.role },
      // Day precision, written at most once a day per token.
      noteUse: async () => {
        if (found.lastUsedOn !== today) await markApiTokenUsed(db, found.id, today)
      },
    }
  },
})

export interface ResolvedToken {
  user: SessionUser
  noteUse: () => Promise<void>
}

export type ApiTokens = ReturnType<typeof createApiTokens>
