import type { Kysely } from 'kysely'
import type { Database, UserRole } from '../schema.js'

export interface NewApiToken {
  userId: number
  name: string
  tokenHash: string
  createdAt: string
  expiresAt: string | null
}

/** What the owner sees of a token: never its hash. */
export interface ApiTokenSummary {
  id: number
  name: string
  createdAt: string
  expiresAt: string | null
  revokedAt: string | null
  lastUsedOn: string | null
}

/** A token with its owner's current role, whether expired or revoked (the caller decides). */
export interface ApiTokenOwner {
  id: number
  expiresAt: string | null
  revokedAt: string | null
  lastUsedOn: string | null
  userId: number
  username: string
  role: UserRole
}

export async function insertApiToken(db: Kysely<Database>, token: NewApiToken): Promise<number> {
  const row = await db
    .insertInto('api_tokens')
    .values({
      user_id: token.userId,
      name: token.name,
      token_hash: token.tokenHash,
      created_at: token.createdAt,
      expires_at: token.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return Number(row.id)
}

/** The user's tokens, newest first. */
export async function listApiTokens(
  db: Kysely<Database>,
  userId: number,
): Promise<ApiTokenSummary[]> {
  const rows = await db
    .selectFrom('api_tokens')
    .select([
      'id',
      'name',
      'created_at as createdAt',
      'expires_at as expiresAt',
      'revoked_at as revokedAt',
      'last_used_on as lastUsedOn',
    ])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute()
  return rows.map((row) => ({ ...row, id: Number(row.id) }))
}

export async function findApiToken(
  db: Kysely<Database>,
  tokenHash: string,
): Promise<ApiTokenOwner | undefined> {
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select([
      'api_tokens.id as id',
      'api_tokens.expires_at as expiresAt',
      'api_tokens.revoked_at as revokedAt',
      'api_tokens.last_used_on as lastUsedOn',
      'users.id as userId',
      'users.username as username',
      'users.role as role',
    ])
    .where('api_tokens.token_hash', '=', tokenHash)
    .executeTakeFirst()
  return row && { ...row, id: Number(row.id), userId: Number(row.userId) }
}

export async function markApiTokenUsed(db: Kysely<Database>, id: number, day: string) {
  await db.updateTable('api_tokens').set({ last_used_on: day }).where('id', '=', id).execute()
}

/** Revokes every live token of the user (a new password ends them); returns how many. */
export async function revokeAllApiTokens(
  db: Kysely<Database>,
  { userId, at }: { userId: number; at: string },
): Promise<number> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/**
 * Revokes one of the user's own tokens. Returns its name, or undefined when the user has no such
 * token; `alreadyRevoked` says nothing changed.
 */
export async function revokeApiToken(
  db: Kysely<Database>,
  { id, userId, at }: { id: number; userId: number; at: string },
): Promise<{ name: string; alreadyRevoked: boolean } | undefined> {
  const token = await db
    .selectFrom('api_tokens')
    .select(['name', 'revoked_at'])
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  if (!token) return undefined
  if (token.revoked_at !== null) return { name: token.name, alreadyRevoked: true }
  await db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute()
  return { name: token.name, alreadyRevoked: false }
}
