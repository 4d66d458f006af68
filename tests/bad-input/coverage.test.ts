import { describe, expect, it } from 'vitest'
import { createTestContext } from '../helpers.js'
import { apiRouteKeys } from '../endpoints/routes.js'
import { ENDPOINTS } from '../endpoints/table.js'

describe('the endpoint table of the bad-input and fuzz suites', () => {
  it('has an entry for every API route of the app (add one for a new route)', async () => {
    const { app } = await createTestContext({ loadBundled: false })
    const missing = apiRouteKeys(app).filter((key) => !(key in ENDPOINTS))
    expect(missing).toEqual([])
  })

  it('names no route the app does not have', async () => {
    const { app } = await createTestContext({ loadBundled: false })
    const routes = new Set(apiRouteKeys(app))
    expect(Object.keys(ENDPOINTS).filter((key) => !routes.has(key))).toEqual([])
  })
})
