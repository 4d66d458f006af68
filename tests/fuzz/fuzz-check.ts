import { expect } from 'vitest'
import { refusalProblems, rowChanges } from '../bad-input/refusal.js'
import { send, type RawRequest } from '../endpoints/request.js'
import { snapshotRows, type World } from '../endpoints/world.js'

/** Cases per endpoint; FUZZ_RUNS=2000 for a deeper local run. */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS) || 0

/**
 * Sends one fuzzed request: never a 5xx; anything but a success is a 4xx in the error shape and
 * changes no row (a success may legitimately store what it was given).
 */
export async function expectNoServerError(world: World, request: RawRequest) {
  const before = await snapshotRows(world.db)
  const res = await send(world.app, request)
  expect(res.status, `${request.method} ${request.path}`).toBeLessThan(500)
  if (res.status < 300) return res.status
  expect(await refusalProblems(res)).toEqual([])
  expect(rowChanges(before, await snapshotRows(world.db))).toEqual([])
  return res.status
}
