import { Hono } from 'hono'
import { compress } from 'hono/compress'
import type { Kysely } from 'kysely'
import { recordAudit, type Audit } from '../db/queries/audit-log.js'
import type { PublishedVersion } from '../db/queries/surveys.js'
import type { Database } from '../db/schema.js'
import { createApiTokens } from './auth/api-tokens.js'
import { requireUserOrToken, unlessBearer } from './auth/bearer.js'
import type { CookiePolicy } from './auth/cookie.js'
import { createDeviceKey } from './auth/device-cookie.js'
import { refuseCrossSite } from './auth/cross-site.js'
import { createLoginThrottle, type LoginRateLimits } from './auth/login-throttle.js'
import { requireRole } from './auth/middleware.js'
import type { RateLimit } from './auth/rate-limit.js'
import { createSessions } from './auth/sessions.js'
import { createInvitationKey } from './invitation-secret.js'
import { ApiError, errorBody, renderError } from './errors.js'
import { apiOperations } from './openapi/operations.js'
import { tokenRoutes } from './openapi/operation.js'
import { securityHeaders } from './security-headers.js'
import { adminAuditRoutes } from './routes/admin-audit.js'
import { adminExportRoutes } from './routes/admin-exports.js'
import { adminInvitationRoutes } from './routes/admin-invitations.js'
import { adminKnowledgeRoutes } from './routes/admin-knowledge.js'
import { adminResultRoutes, auditedRelease } from './routes/admin-results.js'
import { adminSurveyRoutes } from './routes/admin-surveys.js'
import { adminTokenRoutes } from './routes/admin-tokens.js'
import { adminXlsFormRoutes } from './routes/admin-xlsform.js'
import { adminUserTokenRoutes } from './routes/admin-user-tokens.js'
import { apiDocsRoutes } from './routes/api-docs.js'
import { authRoutes } from './routes/auth.js'
import { respondentRoutes } from './routes/respondent.js'
import { staticRoutes } from './routes/static.js'

export interface AppDeps {
  db: Kysely<Database>
  config: {
    clientDir: string
    minGroupSize?: number
    /** Base of the links in invitation-code downloads. */
    publicUrl?: string
    /** INVITATION_SECRET; unset: a key stored in the database (server/invitation-secret.ts). */
    invitationSecret?: string
  }
  clock?: () => Date
  /** Only unexpected errors reach it; requests are never logged (they would time-stamp answers). */
  log?: (message: string) => void
  auth?: AuthOptions
  /** Response submissions per client per window, in memory (default 30 per 10 minutes). */
  submissionRateLimit?: RateLimit
}

/** Sign-in settings; every field has a production default (see README, "Accounts and sign-in"). */
export interface AuthOptions extends CookiePolicy {
  idleMinutes?: number
  absoluteHours?: number
  rateLimits?: LoginRateLimits
  /** scrypt N; lowered only in tests. */
  passwordCost?: number
}

export function createApp({
  db,
  config,
  clock = () => new Date(),
  log = console.error,
  auth = {},
  submissionRateLimit,
}: AppDeps) {
  const app = new Hono()
  const { rateLimits, idleMinutes, absoluteHours, ...authRest } = auth
  const sessions = createSessions({ db, clock, idleMinutes, absoluteHours })
  const throttle = createLoginThrottle(clock, rateLimits)

  app.use(compress())
  app.use(securityHeaders({ trustProxy: auth.trustProxy }))

  // Every /api/admin/* route, existing or not, needs a session: 401 without, 404 if unknown.
  // An API token instead reads only the routes described as such (server/openapi/operations.ts).
  app.use('/api/auth/*', refuseCrossSite())
  const tokens = createApiTokens({ db, clock })
  const bearer = { sessions, tokens, tokenRoutes: tokenRoutes(apiOperations) }
  app.use('/api/admin/*', unlessBearer(refuseCrossSite()), requireUserOrToken(bearer))

  const { trustProxy } = auth
  const invitationKey = createInvitationKey(db, config.invitationSecret)
  app.route(
    '/api/surveys',
    respondentRoutes({ db, clock, submissionRateLimit, trustProxy, invitationKey }),
  )
  const deviceKey = createDeviceKey(db)
  app.route('/api/auth', authRoutes({ db, clock, sessions, throttle, deviceKey, ...authRest }))
  const requireAdmin = requireRole('admin')
  const minGroupSize = config.minGroupSize ?? 5
  const audit: Audit = (entry, trx = db) =>
    recordAudit(trx, { at: clock().toISOString(), ...entry })
  // Closing makes the final release, recorded in its own transaction; the close stands even if
  // that release is refused (then nothing is recorded for it).
  const afterClose = async (survey: PublishedVersion, actor: string) => {
    try {
      const by = { minGroupSize, clock, audit, actor }
      return { finalRelease: await auditedRelease(db, survey, 'final', by) }
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== 'release_refused') throw error
      return { finalRelease: null, releaseRefused: error.details.map((d) => d.message) }
    }
  }
  app.route('/api/admin/surveys', adminXlsFormRoutes({ db, requireAdmin, audit }))
  app.route(
    '/api/admin/surveys',
    adminSurveyRoutes({ db, requireAdmin, afterClose, audit, minGroupSize }),
  )
  const { publicUrl } = config
  app.route(
    '/api/admin/surveys',
    adminInvitationRoutes({ db, requireAdmin, audit, invitationKey, publicUrl, minGroupSize }),
  )
  app.route(
    '/api/admin/surveys',
    adminResultRoutes({ db, requireAdmin, minGroupSize, clock, audit }),
  )
  app.route('/api/admin/surveys', adminExportRoutes({ db, minGroupSize, audit }))
  app.route('/api/admin/surveys', adminKnowledgeRoutes({ db, requireAdmin, minGroupSize, audit }))
  app.route('/api/admin/audit', adminAuditRoutes({ db, requireAdmin }))
  app.route('/api/admin/tokens', adminTokenRoutes({ db, tokens, clock, audit }))
  app.route('/api/admin/users', adminUserTokenRoutes({ db, tokens, clock, audit, requireAdmin }))
  app.route('/api', apiDocsRoutes({ operations: apiOperations }))
  app.route('/', staticRoutes({ clientDir: config.clientDir }))

  // Returned, not thrown, so the middleware above still adds its headers.
  app.notFound((c) => c.json(errorBody('not_found', 'Nothing exists at this address.'), 404))
  app.onError((error, c) => renderError(error, c, log))
  return app
}

export type App = ReturnType<typeof createApp>
