import type { Kysely } from 'kysely'
import type { Database, NewSession, UserRole } from '../schema.js'

export interface SessionRow {
  tokenHash: string
  lastSeenAt: string
  expiresAt: string
  userId: number
  username: string
  role: UserRole
}

export async function insertSession(db: Kysely<Database>, session: NewSession): Promise<void> {
  await db.insertInto('sessions').values(session).execute()
}

/** The session with its user, whether expired or not (the caller decides). */
export async function findSession(
  db: Kysely<Database>,
  tokenHash: string,
): Promise<SessionRow | undefined> {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.token_hash as tokenHash',
      'sessions.last_seen_at as lastSeenAt',
      'sessions.expires_at as expiresAt',
      'users.id as userId',
      'users.username as username',
      'users.role as role',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .executeTakeFirst()
}

export async function touchSession(db: Kysely<Database>, tokenHash: string, lastSeenAt: string) {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: lastSeenAt })
    .where('token_hash', '=', tokenHash)
    .execute()
}

export async function deleteSession(db: Kysely<Database>, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute()
}

/**
 * Removes sessions past their absolute expiry or idle since before `idleSince`. ISO timestamps
 * from toISOString() all have the same length, so text order is time order.
 */
export async function deleteExpiredSessions(
  db: Kysely<Database>,
  { now, idleSince }: { now: string; idleSince: string },
): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleSince)]))
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}
