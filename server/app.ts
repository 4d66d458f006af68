import { Hono } from 'hono'
import { compress } from 'hono/compress'
import type { Kysely } from 'kysely'
import { recordAudit, type Audit } from '../db/queries/audit-log.js'
import type { ResponseWriter } from '../db/queries/response-writer.js'
import type { Database } from '../db/schema.js'
import { createApiTokens } from './accounts/api-tokens.js'
import { requireUserOrToken, unlessBearer } from './accounts/bearer.js'
import type { CookiePolicy } from './accounts/cookie.js'
import { createDeviceKey } from './accounts/device-cookie.js'
import { refuseCrossSite } from './accounts/cross-site.js'
import { createLoginThrottle, type LoginRateLimits } from './accounts/login-throttle.js'
import { requireRole } from './accounts/middleware.js'
import type { RateLimit } from './platform/rate-limit.js'
import { createSessions } from './accounts/sessions.js'
import { createInvitationKey } from './invitations/invitation-secret.js'
import { errorBody, renderError } from './platform/errors.js'
import { apiOperations } from './platform/openapi/operations.js'
import { tokenRoutes } from './platform/openapi/operation.js'
import { securityHeaders } from './platform/security-headers.js'
import { adminAuditRoutes } from './accounts/audit-routes.js'
import { adminExportRoutes } from './exports/routes.js'
import { adminInvitationRoutes } from './invitations/routes.js'
import { adminKnowledgeRoutes } from './knowledge/routes.js'
import { adminResultRoutes } from './results/routes.js'
import { finalReleaseAtClose } from './results/final-release.js'
import { adminSurveyRoutes } from './publishing/routes.js'
import { adminTokenRoutes } from './accounts/token-routes.js'
import { adminXlsFormRoutes } from './authoring/xlsform-routes.js'
import { adminUserTokenRoutes } from './accounts/user-token-routes.js'
import { apiDocsRoutes } from './platform/openapi/routes.js'
import { authRoutes } from './accounts/auth-routes.js'
import { respondentRoutes } from './respondent/routes.js'
import { adminReportRoutes } from './reports/routes.js'
import { publicReportRoutes } from './reports/public-routes.js'
import { createReportCaches } from './reports/content.js'
import { createKnowledgeCaches } from './knowledge/release-cache.js'
import { staticRoutes } from './platform/static-routes.js'

export interface AppDeps {
  db: Kysely<Database>
  config: {
    clientDir: string
    minGroupSize?: number
    /** Base of the links in invitation-code downloads. */
    publicUrl?: string
    /** INVITATION_SECRET; unset: a key stored in the database (server/invitations/invitation-secret.ts). */
    invitationSecret?: string
  }
  clock?: () => Date
  /** Only unexpected errors reach it; requests are never logged (they would time-stamp answers). */
  log?: (message: string) => void
  auth?: AuthOptions
  /** Response submissions per client per window, in memory (default 30 per 10 minutes). */
  submissionRateLimit?: RateLimit
  /** Stores responses; default: the group commit on `db` (see server/respondent/routes.ts). */
  responseWriter?: ResponseWriter
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
  responseWriter,
}: AppDeps) {
  const app = new Hono()
  const { rateLimits, idleMinutes, absoluteHours, ...authRest } = auth
  const sessions = createSessions({ db, clock, idleMinutes, absoluteHours })
  const throttle = createLoginThrottle(clock, rateLimits)

  app.use(compress())
  app.use(securityHeaders({ trustProxy: auth.trustProxy }))

  // Every /api/admin/* route, existing or not, needs a session: 401 without, 404 if unknown.
  // An API token instead reads only the routes described as such (server/platform/openapi/operations.ts).
  app.use('/api/auth/*', refuseCrossSite())
  const tokens = createApiTokens({ db, clock })
  const bearer = { sessions, tokens, tokenRoutes: tokenRoutes(apiOperations) }
  app.use('/api/admin/*', unlessBearer(refuseCrossSite()), requireUserOrToken(bearer))

  const { trustProxy } = auth
  const invitationKey = createInvitationKey(db, config.invitationSecret)
  app.route(
    '/api/surveys',
    respondentRoutes({ db, clock, submissionRateLimit, trustProxy, invitationKey, responseWriter }),
  )
  const deviceKey = createDeviceKey(db)
  app.route('/api/auth', authRoutes({ db, clock, sessions, throttle, deviceKey, ...authRest }))
  const requireAdmin = requireRole('admin')
  const minGroupSize = config.minGroupSize ?? 5
  const audit: Audit = (entry, trx = db) =>
    recordAudit(trx, { at: clock().toISOString(), ...entry })
  const afterClose = finalReleaseAtClose({ db, minGroupSize, clock, audit })
  app.route('/api/admin/surveys', adminXlsFormRoutes({ db, requireAdmin, audit }))
  const { publicUrl } = config
  app.route(
    '/api/admin/surveys',
    adminSurveyRoutes({ db, requireAdmin, afterClose, audit, minGroupSize, publicUrl }),
  )
  app.route(
    '/api/admin/surveys',
    adminInvitationRoutes({ db, requireAdmin, audit, invitationKey, publicUrl, minGroupSize }),
  )
  app.route(
    '/api/admin/surveys',
    adminResultRoutes({ db, requireAdmin, minGroupSize, clock, audit }),
  )
  // What depends only on an immutable release, computed once per app (never across databases).
  const caches = createReportCaches(createKnowledgeCaches())
  const { knowledge } = caches
  app.route('/api/admin/surveys', adminExportRoutes({ db, minGroupSize, audit, knowledge }))
  app.route(
    '/api/admin/surveys',
    adminKnowledgeRoutes({ db, requireAdmin, minGroupSize, audit, knowledge }),
  )
  app.route('/api/admin/surveys', adminReportRoutes({ db, requireAdmin, minGroupSize, audit, caches }))
  app.route('/api/admin/audit', adminAuditRoutes({ db, requireAdmin }))
  app.route('/api/admin/tokens', adminTokenRoutes({ db, tokens, clock, audit }))
  app.route('/api/admin/users', adminUserTokenRoutes({ db, tokens, clock, audit, requireAdmin }))
  app.route('/api', apiDocsRoutes({ operations: apiOperations }))
  app.route('/', publicReportRoutes({ db, minGroupSize, caches }))
  app.route('/', staticRoutes({ clientDir: config.clientDir }))

  // Returned, not thrown, so the middleware above still adds its headers.
  app.notFound((c) => c.json(errorBody('not_found', 'Nothing exists at this address.'), 404))
  app.onError((error, c) => renderError(error, c, log))
  return app
}

export type App = ReturnType<typeof createApp>
