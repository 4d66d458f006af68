import { z } from 'zod'
import { jsonBodyErrors } from '../platform/contract/common.js'
import type { ApiOperation } from '../platform/openapi/operation.js'
import * as responses from '../platform/openapi/response-schemas.js'
import { loginSchema } from './auth-routes.js'
import { createdTokenSchema, createTokenSchema, tokenListSchema } from './token-schemas.js'

// The HTTP contract of this feature's routes: the schemas they validate with and answer with.

const auditQuery = z.object({
  limit: z.string().optional().describe('Entries to return, newest first: 1 to 1000 (default 100)'),
})

export const accountOperations: ApiOperation[] = [
  {
    method: 'post',
    path: '/api/auth/login',
    tag: 'Accounts',
    summary: 'Sign in',
    description:
      'Sets the `session` cookie (HttpOnly, SameSite=Strict) and the `device` cookie (a year, ' +
      'sent only here): failed sign-ins elsewhere do not hold back a browser that has it.',
    auth: 'public',
    body: loginSchema,
    responses: { 200: { description: 'Signed in', schema: responses.userSchema } },
    errors: {
      ...jsonBodyErrors(),
      401: '`invalid_credentials`',
      429: '`too_many_attempts`, with Retry-After',
      503: '`busy`: too many sign-ins at once, with Retry-After (the attempt is not counted)',
    },
  },
  {
    method: 'post',
    path: '/api/auth/logout',
    tag: 'Accounts',
    summary: 'Sign out',
    auth: 'public',
    responses: { 200: { description: 'Session ended, cookie cleared', schema: responses.okSchema } },
  },
  {
    method: 'get',
    path: '/api/auth/me',
    tag: 'Accounts',
    summary: 'The signed-in user',
    auth: 'session',
    responses: { 200: { description: 'Signed in', schema: responses.userSchema } },
  },
  {
    method: 'get',
    path: '/api/admin/audit',
    tag: 'Administration',
    summary: 'The audit log, newest first',
    auth: 'session',
    adminOnly: true,
    query: auditQuery,
    responses: { 200: { description: 'Entries', schema: responses.auditSchema } },
    errors: { 422: '`invalid_limit`' },
  },
  {
    method: 'get',
    path: '/api/admin/tokens',
    tag: 'API tokens',
    summary: 'Your API tokens (never the tokens themselves)',
    auth: 'session',
    responses: { 200: { description: 'Newest first', schema: tokenListSchema } },
  },
  {
    method: 'post',
    path: '/api/admin/tokens',
    tag: 'API tokens',
    summary: 'Create an API token',
    description: 'The token is in this response only; store it like a password.',
    auth: 'session',
    body: createTokenSchema,
    responses: { 201: { description: 'Created', schema: createdTokenSchema } },
    errors: {
      ...jsonBodyErrors(),
    },
  },
  {
    method: 'delete',
    path: '/api/admin/tokens/:id',
    tag: 'API tokens',
    summary: 'Revoke one of your API tokens',
    auth: 'session',
    responses: { 204: { description: 'Revoked (also when it already was)' } },
    errors: { 404: '`token_not_found`: not one of your tokens' },
  },
  {
    method: 'get',
    path: '/api/admin/users/:username/tokens',
    tag: 'API tokens',
    summary: "A user's API tokens (never the tokens themselves)",
    auth: 'session',
    adminOnly: true,
    responses: { 200: { description: 'Newest first', schema: tokenListSchema } },
    errors: { 404: '`user_not_found`' },
  },
  {
    method: 'delete',
    path: '/api/admin/users/:username/tokens/:id',
    tag: 'API tokens',
    summary: "Revoke a user's API token",
    description: 'Recorded in the audit log (`token.revoke`, with the owner).',
    auth: 'session',
    adminOnly: true,
    responses: { 204: { description: 'Revoked (also when it already was)' } },
    errors: { 404: '`user_not_found`, `token_not_found`: not a token of this user' },
  },
]
