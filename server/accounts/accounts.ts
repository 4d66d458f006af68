import type { UserRole } from '../../db/schema.js'

export const ROLES: readonly UserRole[] = ['admin', 'researcher']
export const MIN_PASSWORD_LENGTH = 12
export const MAX_PASSWORD_LENGTH = 1024

/** Lower-case letters, digits and `._@-` (an e-mail address fits), from a letter or digit. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._@-]{0,63}$/

export const isRole = (value: unknown): value is UserRole => ROLES.includes(value as UserRole)

/** Usernames are case-insensitive: every lookup and insert goes through this. */
export const normalizeUsername = (username: string) => username.trim().toLowerCase()

/** A problem with a username for a new account, or undefined when it is fine. */
export function usernameProblem(username: string): string | undefined {
  if (USERNAME_PATTERN.test(username)) return undefined
  return 'a username is 1-64 letters, digits or . _ @ - and starts with a letter or digit'
}

/** A problem with a password being set, or undefined when it is fine. */
export function passwordProblem(password: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `a password must have at least ${MIN_PASSWORD_LENGTH} characters`
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    return `a password must have at most ${MAX_PASSWORD_LENGTH} characters`
  }
  return undefined
}
