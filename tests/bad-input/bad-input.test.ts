import { describe, expect, it } from 'vitest'
import { createTestContext } from '../helpers.js'
import { requestFor, send } from '../endpoints/request.js'
import { apiEndpoints, type Endpoint } from '../endpoints/routes.js'
import { createWorld, snapshotRows } from '../endpoints/world.js'
import { describeRequest, MALFORMED_CLASSES } from './classes.js'
import { refusalProblems, rowChanges } from './refusal.js'

// The endpoints of the real app, so that a new route is attacked as soon as it has a table entry
// (coverage.test.ts fails until it has one).
const allEndpoints = apiEndpoints((await createTestContext({ loadBundled: false })).app)
// A route that takes no input (public GET, no parameters, query or body) has no malformed form.
const attackable = (e: Endpoint) => MALFORMED_CLASSES.some((c) => c.appliesTo(e))
const endpoints = allEndpoints.filter(attackable)

async function attack(endpoint: Endpoint): Promise<{ failures: string[]; requests: number }> {
  const world = await createWorld()
  const failures: string[] = []
  let requests = 0
  for (const malformed of MALFORMED_CLASSES.filter((c) => c.appliesTo(endpoint))) {
    const call = await endpoint.spec.valid(world)
    for (const req of await malformed.build(endpoint, call, world)) {
      const before = await snapshotRows(world.db)
      const res = await send(world.app, req)
      requests++
      const problems = [
        ...(await refusalProblems(res)),
        ...rowChanges(before, await snapshotRows(world.db), malformed.changes),
      ]
      if (problems.length > 0) {
        failures.push(`${malformed.name} (${describeRequest(req)}): ${problems.join('; ')}`)
      }
    }
    // The server keeps serving: the next valid request succeeds.
    const next = await endpoint.spec.valid(world)
    const res = await send(world.app, requestFor(endpoint.method, endpoint.path, next))
    if (res.status >= 300) {
      failures.push(`valid request after "${malformed.name}": ${res.status} ${await res.text()}`)
    }
  }
  expect(world.errors).toEqual([])
  return { failures, requests }
}

describe('bad input: a clear error and nothing stored', () => {
  // README: "60+ classes of malformed requests against every API route".
  it('has at least 60 classes of malformed requests', () => {
    expect(MALFORMED_CLASSES.length).toBeGreaterThanOrEqual(60)
    expect(new Set(MALFORMED_CLASSES.map((c) => c.name)).size).toBe(MALFORMED_CLASSES.length)
  })

  it('attacks every route that takes input; only the two documentation routes take none', () => {
    const untouched = allEndpoints.filter((e) => !attackable(e)).map((e) => e.key)
    expect(untouched).toEqual(['GET /api/docs', 'GET /api/openapi.json'])
  })

  it('applies every class to at least one endpoint', () => {
    const unused = MALFORMED_CLASSES.filter((c) => !endpoints.some((e) => c.appliesTo(e)))
    expect(unused.map((c) => c.name)).toEqual([])
  })

  it.each(endpoints.map((e) => [e.key, e] as const))(
    '%s: 4xx in the error shape, no row changes, still serving',
    async (_key, endpoint) => {
      const { failures, requests } = await attack(endpoint)
      expect(failures).toEqual([])
      // Every route is attacked: a route no class applies to would pass without a request.
      expect(requests).toBeGreaterThan(0)
    },
    120_000,
  )
})
