import { z } from 'zod'
import { jsonBodyErrors } from '../platform/contract/common.js'
import { operation, type ApiOperation } from '../platform/openapi/operation.js'
import { okSchema } from '../platform/openapi/response-schemas.js'
import { MAX_PASSWORD_LENGTH } from './accounts.js'

// The HTTP contract of this feature's routes: the schemas they validate with and answer with.
// The admin client takes its types from here (`import type` only: no zod reaches its bundle).

// ---- Requests

export const loginSchema = z.strictObject({
  username: z.string().min(1).max(200),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
})

const MAX_TOKEN_DAYS = 365

export const createTokenSchema = z.strictObject({
  name: z.string().trim().min(1).max(100).describe('What the token is for, e.g. "R on my laptop"'),
  expiresInDays: z
    .number()
    .int()
    .min(1)
    .max(MAX_TOKEN_DAYS)
    .optional()
    .describe('Days until the token stops working; omit for no expiry'),
})

// The limit is read by the route (audit-routes.ts): a bad one is 422 `invalid_limit` with its own
// wording, which the generic query refusal would change.
const auditQuery = z.object({
  limit: z.string().optional().describe('Entries to return, newest first: 1 to 1000 (default 100)'),
})

// Any string: a token id that is not a positive whole number is a 404 `token_not_found` from the
// route, and an unknown username a 404 `user_not_found`, as for ids that do not exist.
const tokenId = z.string().describe('The token id, as listed')
const tokenParams = z.object({ id: tokenId })
const userParams = z.object({ username: z.string().describe('Case-insensitive') })
const userTokenParams = userParams.extend({ id: tokenId })

// ---- Responses

export const roleSchema = z.enum(['admin', 'researcher'])

export const userSchema = z.object({ user: z.object({ username: z.string(), role: roleSchema }) })

export const auditSchema = z.object({
  entries: z.array(
    z.object({
      at: z.string(),
      actor: z.string(),
      action: z.string(),
      target: z.string(),
      details: z.record(z.string(), z.unknown()).nullable(),
    }),
  ),
})

export const createdTokenSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  token: z.string().describe('The token itself: shown this once, only its hash is stored'),
  expiresAt: z.string().nullable(),
})

export const tokenStatusSchema = z.enum(['active', 'expired', 'revoked'])

export const tokenListSchema = z.object({
  tokens: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      createdAt: z.string(),
      expiresAt: z.string().nullable(),
      revokedAt: z.string().nullable(),
      lastUsedOn: z.string().nullable().describe('The last day (UTC) the token was used'),
      status: tokenStatusSchema,
    }),
  ),
})

export type Role = z.output<typeof roleSchema>
export type User = z.output<typeof userSchema>['user']
export type LoginBody = z.input<typeof loginSchema>
export type AuditEntries = z.output<typeof auditSchema>
export type CreateTokenBody = z.input<typeof createTokenSchema>
export type CreatedToken = z.output<typeof createdTokenSchema>
export type TokenStatus = z.output<typeof tokenStatusSchema>
export type TokenList = z.output<typeof tokenListSchema>
export type TokenSummary = TokenList['tokens'][number]

// ---- Operations

export const signIn = operation({
  method: 'post',
  path: '/api/auth/login',
  tag: 'Accounts',
  summary: 'Sign in',
  description:
    'Sets the `session` cookie (HttpOnly, SameSite=Strict) and the `device` cookie (a year, ' +
    'sent only here): failed sign-ins elsewhere do not hold back a browser that has it.',
  auth: 'public',
  body: loginSchema,
  responses: { 200: { description: 'Signed in', schema: userSchema } },
  errors: {
    ...jsonBodyErrors(),
    401: '`invalid_credentials`',
    429: '`too_many_attempts`, with Retry-After',
    // Replaces the generic 503 text, so it names that code too.
    503:
      '`busy`: too many sign-ins at once, with Retry-After (the attempt is not counted); ' +
      '`service_unavailable`: the database was busy or unreachable, with Retry-After',
  },
})

export const signOut = operation({
  method: 'post',
  path: '/api/auth/logout',
  tag: 'Accounts',
  summary: 'Sign out',
  auth: 'public',
  responses: { 200: { description: 'Session ended, cookie cleared', schema: okSchema } },
})

export const getSignedInUser = operation({
  method: 'get',
  path: '/api/auth/me',
  tag: 'Accounts',
  summary: 'The signed-in user',
  auth: 'session',
  responses: { 200: { description: 'Signed in', schema: userSchema } },
})

export const listAuditEntries = operation({
  method: 'get',
  path: '/api/admin/audit',
  tag: 'Administration',
  summary: 'The audit log, newest first',
  auth: 'session',
  adminOnly: true,
  query: auditQuery,
  responses: { 200: { description: 'Entries', schema: auditSchema } },
  errors: { 422: '`invalid_limit`: not a whole number from 1 (larger ones are capped at 1000)' },
})

export const listTokens = operation({
  method: 'get',
  path: '/api/admin/tokens',
  tag: 'API tokens',
  summary: 'Your API tokens (never the tokens themselves)',
  auth: 'session',
  responses: { 200: { description: 'Newest first', schema: tokenListSchema } },
})

export const createToken = operation({
  method: 'post',
  path: '/api/admin/tokens',
  tag: 'API tokens',
  summary: 'Create an API token',
  description: 'The token is in this response only; store it like a password.',
  auth: 'session',
  body: createTokenSchema,
  responses: { 201: { description: 'Created', schema: createdTokenSchema } },
  errors: { ...jsonBodyErrors() },
})

export const revokeToken = operation({
  method: 'delete',
  path: '/api/admin/tokens/:id',
  tag: 'API tokens',
  summary: 'Revoke one of your API tokens',
  auth: 'session',
  params: tokenParams,
  responses: { 204: { description: 'Revoked (also when it already was)' } },
  errors: { 404: '`token_not_found`: not one of your tokens' },
})

export const listUserTokens = operation({
  method: 'get',
  path: '/api/admin/users/:username/tokens',
  tag: 'API tokens',
  summary: "A user's API tokens (never the tokens themselves)",
  auth: 'session',
  adminOnly: true,
  params: userParams,
  responses: { 200: { description: 'Newest first', schema: tokenListSchema } },
  errors: { 404: '`user_not_found`' },
})

export const revokeUserToken = operation({
  method: 'delete',
  path: '/api/admin/users/:username/tokens/:id',
  tag: 'API tokens',
  summary: "Revoke a user's API token",
  description: 'Recorded in the audit log (`token.revoke`, with the owner).',
  auth: 'session',
  adminOnly: true,
  params: userTokenParams,
  responses: { 204: { description: 'Revoked (also when it already was)' } },
  errors: { 404: '`user_not_found`, `token_not_found`: not a token of this user' },
})

export const accountOperations: ApiOperation[] = [
  signIn,
  signOut,
  getSignedInUser,
  listAuditEntries,
  listTokens,
  createToken,
  revokeToken,
  listUserTokens,
  revokeUserToken,
]
