import { Hono } from 'hono'
import { compress } from 'hono/compress'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.js'
import { ApiError, renderError } from './errors.js'
import { respondentRoutes } from './routes/respondent.js'
import { staticRoutes } from './routes/static.js'

export interface AppDeps {
  db: Kysely<Database>
  config: { clientDir: string }
  clock?: () => Date
  /** Only unexpected errors reach it; requests are never logged (they would time-stamp answers). */
  log?: (message: string) => void
}

export function createApp({ db, config, clock = () => new Date(), log = console.error }: AppDeps) {
  const app = new Hono()

  app.use(compress())
  app.use(async (c, next) => {
    await next()
    c.header('X-Content-Type-Options', 'nosniff')
    // A respondent's browser must not tell the next site which survey they came from.
    c.header('Referrer-Policy', 'no-referrer')
    if (c.req.path.startsWith('/api/')) c.header('Cache-Control', 'no-store')
  })

  app.route('/api/surveys', respondentRoutes({ db, clock }))
  app.route('/', staticRoutes({ clientDir: config.clientDir }))

  app.notFound(() => {
    throw new ApiError(404, 'not_found', 'Nothing exists at this address.')
  })
  app.onError((error, c) => renderError(error, c, log))
  return app
}

export type App = ReturnType<typeof createApp>
