import { describe, expect, it } from 'vitest'
import { createTestContext } from '../helpers.js'
import { requestFor, send } from '../endpoints/request.js'
import { apiEndpoints, type Endpoint } from '../endpoints/routes.js'
import { createWorld, snapshotRows } from '../endpoints/world.js'
import { describeRequest, MALFORMED_CLASSES } from './classes.js'
import { refusalProblems, rowChanges } from './refusal.js'

// The endpoints of the real app, so that a new route is attacked as soon as it has a table entry
// (coverage.test.ts fails until it has one).
const endpoints = apiEndpoints((await createTestContext({ loadBundled: false })).app)

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
  it('has at least 30 classes of malformed requests', () => {
    expect(MALFORMED_CLASSES.length).toBeGreaterThanOrEqual(30)
    expect(new Set(MALFORMED_CLASSES.map((c) => c.name)).size).toBe(MALFORMED_CLASSES.length)
  })

  it('applies every class to at least one endpoint', () => {
    const unused = MALFORMED_CLASSES.filter((c) => !endpoints.some((e) => c.appliesTo(e)))
    expect(unused.map((c) => c.name)).toEqual([])
  })

  it.each(endpoints.map((e) => [e.key, e] as const))(
    '%s: 4xx in the error shape, no row changes, still serving',
    async (_key, endpoint) => {
      const { failures } = await attack(endpoint)
      expect(failures).toEqual([])
    },
    120_000,
  )
})
