import type { TestContext } from '../helpers.js'
import { ENDPOINTS, type EndpointSpec } from './table.js'

export interface Endpoint {
  /** "METHOD /path", as in ENDPOINTS. */
  key: string
  method: string
  path: string
  spec: EndpointSpec
}

/**
 * The API routes the real app serves: method and path of every handler under /api/, without
 * middleware (method ALL) and without the web client's pages and assets.
 */
export function apiRouteKeys(app: TestContext['app']): string[] {
  const keys = app.routes
    .filter((route) => route.method !== 'ALL' && route.path.startsWith('/api/'))
    .map((route) => `${route.method} ${route.path}`)
  return [...new Set(keys)].sort()
}

/** The app's API routes with their table entries; routes missing from the table are left out. */
export function apiEndpoints(app: TestContext['app']): Endpoint[] {
  return apiRouteKeys(app)
    .filter((key) => key in ENDPOINTS)
    .map((key) => {
      const [method, path] = key.split(' ')
      return { key, method, path, spec: ENDPOINTS[key] }
    })
}
