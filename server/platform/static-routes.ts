import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono, type Context } from 'hono'
import { ApiError } from './errors.js'

export interface StaticDeps {
  clientDir: string
}

const IMMUTABLE = 'public, max-age=31536000, immutable'

/**
 * The built client: HTML is revalidated on every load so a new release is picked up at once;
 * hashed assets never change, so browsers keep them for a year. Precompressed files are served
 * when the build made them.
 */
export const staticRoutes = ({ clientDir }: StaticDeps) => {
  const respondentHtml = join(clientDir, 'respondent', 'index.html')
  const adminHtml = join(clientDir, 'admin', 'index.html')
  const html = async (path: string) => {
    try {
      return await readFile(path, 'utf8')
    } catch {
      throw new ApiError(503, 'client_not_built', 'The web client is not built: run `npm run build`.')
    }
  }

  // The admin app routes in the browser: /admin and every path under it get the same page.
  const adminPage = async (c: Context) => {
    // Framing is refused for every page by the app's security headers (clickjacking).
    c.header('Cache-Control', 'no-cache')
    return c.html(await html(adminHtml))
  }

  return new Hono()
    .get('/s/:slug{[a-z0-9-]+}', async (c) => {
      c.header('Cache-Control', 'no-cache')
      return c.html(await html(respondentHtml))
    })
    .get('/s/:slug{[a-z0-9-]+}/', (c) => c.redirect(`/s/${c.req.param('slug')}`, 301))
    .get('/admin', adminPage)
    .get('/admin/*', adminPage)
    .use('/assets/*', async (c, next) => {
      await next()
      // Set after serveStatic: headers it is given in onFound are lost with node-server 2.x.
      if (c.res.status === 200) c.res.headers.set('Cache-Control', IMMUTABLE)
    })
    .use('/assets/*', serveStatic({ root: clientDir, precompressed: true }))
}
