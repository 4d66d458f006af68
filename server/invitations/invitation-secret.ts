import { randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import { readOrCreateSecret } from '../../db/queries/server-secrets.js'
import type { Database } from '../../db/schema.js'

const STORED_NAME = 'invitation-code-hmac'

/**
 * The key that invitation codes are HMACed under. Codes must verify after a restart and on every
 * instance, so it cannot be a per-process random key: INVITATION_SECRET when configured (held
 * outside the database, so a leaked database alone cannot test guesses), else a random 32-byte
 * key made once and stored in the database. Read once, then kept in memory.
 */
export function createInvitationKey(db: Kysely<Database>, configured?: string) {
  let key: Promise<Buffer> | undefined
  return (): Promise<Buffer> => {
    if (configured) return Promise.resolve(Buffer.from(configured, 'utf8'))
    key ??= readOrCreateSecret(db, STORED_NAME, () => randomBytes(32).toString('base64url'))
      .then((value) => Buffer.from(value, 'base64url'))
      .catch((error: unknown) => {
        key = undefined // a passing database error must not stick
        throw error
      })
    return key
  }
}

export type InvitationKey = ReturnType<typeof createInvitationKey>
