import { createHash, randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import {
  deleteExpiredSessions,
  deleteSession,
  findSession,
  insertSession,
  touchSession,
} from '../../db/queries/sessions.js'
import type { Database, UserRole } from '../../db/schema.js'

export interface SessionOptions {
  db: Kysely<Database>
  clock: () => Date
  /** Signed out after this long without a request (sliding). */
  idleMinutes?: number
  /** Signed out this long after sign-in, however active. */
  absoluteHours?: number
}

export interface SessionUser {
  id: number
  username: string
  role: UserRole
}

const MINUTE = 60_000
// last_seen_at is written at most once a minute: one write per active minute, not per request.
const TOUCH_INTERVAL_MS = MINUTE
// 256 random bits, base64url: anything else is refused without a database lookup.
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/

/** Only this hash is stored: a copy of the sessions table gives no usable token. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

/** Server-side sessions in the database, so several server instances can share them. */
export const createSessions = ({
  db,
  clock,
  idleMinutes = 30,
  absoluteHours = 12,
}: SessionOptions) => {
  const idleMs = idleMinutes * MINUTE
  const absoluteMs = absoluteHours * 60 * MINUTE

  return {
    /** A new session for the user; returns the token for the cookie (never stored as is). */
    async start(userId: number): Promise<string> {
      const token = randomBytes(32).toString('base64url')
      const now = clock()
      await insertSession(db, {
        token_hash: hashToken(token),
        user_id: userId,
        created_at: now.toISOString(),
        last_seen_at: now.toISOString(),
        expires_at: new Date(now.getTime() + absoluteMs).toISOString(),
      })
      return token
    },

    /** The signed-in user, or undefined; an expired session is deleted on sight. */
    async resolve(token: string | undefined): Promise<SessionUser | undefined> {
      if (!token || !TOKEN_PATTERN.test(token)) return undefined
      const session = await findSession(db, hashToken(token))
      if (!session) return undefined
      const now = clock().getTime()
      const lastSeen = Date.parse(session.lastSeenAt)
      if (now >= Date.parse(session.expiresAt) || now - lastSeen >= idleMs) {
        await deleteSession(db, session.tokenHash)
        return undefined
      }
      if (now - lastSeen >= TOUCH_INTERVAL_MS) {
        await touchSession(db, session.tokenHash, new Date(now).toISOString())
      }
      return { id: session.userId, username: session.username, role: session.role }
    },

    async end(token: string): Promise<void> {
      if (TOKEN_PATTERN.test(token)) await deleteSession(db, hashToken(token))
    },

    /** Deletes every expired session (run at sign-in, so abandoned sessions do not pile up). */
    async purgeExpired(): Promise<number> {
      const now = clock()
      return deleteExpiredSessions(db, {
        now: now.toISOString(),
        idleSince: new Date(now.getTime() - idleMs).toISOString(),
      })
    },
  }
}

export type Sessions = ReturnType<typeof createSessions>
