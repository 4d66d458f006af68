import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createTestContext } from '../helpers.js'
import { requestFor } from '../endpoints/request.js'
import { apiEndpoints } from '../endpoints/routes.js'
import { createWorld } from '../endpoints/world.js'
import { pathSegment, queryFor } from './arbitraries.js'
import { expectNoServerError, FUZZ_RUNS } from './fuzz-check.js'
import { PROPERTY_SEED } from '../property-runs.js'

const endpoints = apiEndpoints((await createTestContext({ loadBundled: false })).app)
const paramNames = (path: string) => [...path.matchAll(/:(\w+)/g)].map((match) => match[1])
const withParams = endpoints.filter((e) => paramNames(e.path).length > 0 || e.spec.query)

describe('fuzzed path parameters and query strings', () => {
  it.each(withParams.map((e) => [e.key, e] as const))(
    '%s: never a 5xx; refusals in the error shape store nothing',
    async (_key, endpoint) => {
      const world = await createWorld()
      const valid = await endpoint.spec.valid(world)
      const names = paramNames(endpoint.path)
      const fuzzed = fc.record(Object.fromEntries(names.map((name) => [name, pathSegment])))
      // A fuzzed slug is a 404 before the query is read: half the cases keep the valid
      // parameters, so the query reaches the handler.
      const params = endpoint.spec.query ? fc.oneof(fc.constant({}), fuzzed) : fuzzed
      const query = queryFor(endpoint.spec.query ?? [])
      const runs = FUZZ_RUNS || 100
      let reachedQuery = 0
      await fc.assert(
        fc.asyncProperty(params, query, async (fuzzedParams, fuzzedQuery) => {
          const merged = { ...valid.params, ...fuzzedParams }
          const call = { ...valid, params: merged, query: fuzzedQuery }
          const status = await expectNoServerError(world, requestFor(endpoint.method, endpoint.path, call))
          if (endpoint.spec.query && Object.keys(fuzzedParams).length === 0 && status !== 404) {
            reachedQuery++
          }
        }),
        // A fixed seed in CI, so the share of cases that reach the handler is the same each run
        // (a random one sat on the bound now and then); FUZZ_RUNS=N draws fresh cases.
        { numRuns: runs, ...(FUZZ_RUNS ? {} : { seed: PROPERTY_SEED }) },
      )
      if (endpoint.spec.query) expect(reachedQuery).toBeGreaterThan(runs / 5)
      expect(world.errors).toEqual([])
    },
    300_000,
  )
})
