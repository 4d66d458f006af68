import type { Kysely } from 'kysely'
import type { Database, User, UserRole } from '../schema.js'
import { inTransaction } from '../transaction.js'
import { revokeAllApiTokens } from './api-tokens.js'

export interface UserInput {
  username: string
  role: UserRole
  passwordHash: string
  createdAt: string
}

/** `username` must already be normalised (lower-cased); see server/accounts/accounts.ts. */
export async function findUserByUsername(
  db: Kysely<Database>,
  username: string,
): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst()
}

export async function insertUser(db: Kysely<Database>, input: UserInput): Promise<number> {
  const row = await db
    .insertInto('users')
    .values({
      username: input.username,
      role: input.role,
      password_hash: input.passwordHash,
      created_at: input.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** Never selects password hashes. */
export async function listUsers(db: Kysely<Database>) {
  return db
    .selectFrom('users')
    .select(['username', 'role', 'created_at'])
    .orderBy('username')
    .execute()
}

export async function countAdmins(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('role', '=', 'admin')
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/**
 * A new password also ends every session of the user (signs them out everywhere) and revokes
 * their API tokens: whoever knew the old password may have made one. Returns how many tokens were
 * revoked, or undefined when there is no such user.
 */
export async function setPasswordHash(
  db: Kysely<Database>,
  { username, passwordHash, at }: { username: string; passwordHash: string; at: string },
): Promise<{ tokensRevoked: number } | undefined> {
  return inTransaction(db, async (trx) => {
    const user = await trx
      .updateTable('users')
      .set({ password_hash: passwordHash })
      .where('username', '=', username)
      .returning('id')
      .executeTakeFirst()
    if (!user) return undefined
    await trx.deleteFrom('sessions').where('user_id', '=', user.id).execute()
    return { tokensRevoked: await revokeAllApiTokens(trx, { userId: user.id, at }) }
  })
}

export type DeleteUserOutcome = 'deleted' | 'not_found' | 'last_admin'

/** Refuses to remove the last admin: nobody could manage accounts afterwards. */
export async function deleteUser(
  db: Kysely<Database>,
  username: string,
): Promise<DeleteUserOutcome> {
  return inTransaction(db, async (trx) => {
    const user = await findUserByUsername(trx, username)
    if (!user) return 'not_found'
    if (user.role === 'admin' && (await countAdmins(trx)) <= 1) return 'last_admin'
    // Sessions go with the user (foreign key ON DELETE CASCADE).
    await trx.deleteFrom('users').where('id', '=', user.id).execute()
    return 'deleted'
  })
}
