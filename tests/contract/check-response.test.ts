import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { operation } from '../../server/platform/openapi/operation.js'
import { operationMatcher, responseProblems } from './check-response.js'

const getThing = operation({
  method: 'get',
  path: '/api/things/:id',
  tag: 'Test',
  summary: 'A thing',
  auth: 'public',
  responses: { 200: { description: 'The thing', schema: z.object({ id: z.string(), n: z.number() }) } },
  errors: { 404: '`thing_not_found`' },
})
const listThings = operation({
  method: 'get',
  path: '/api/things/all',
  tag: 'Test',
  summary: 'All things',
  auth: 'public',
  responses: { 200: { description: 'CSV', content: { 'text/csv': 'rows' } } },
})
const json = 'application/json'
const error = (code: string) => ({ error: { code, message: 'm', details: [] } })

describe('a response held to its operation', () => {
  it('passes when status and body are as documented', () => {
    expect(responseProblems(getThing, 200, json, { id: 'a', n: 1 })).toEqual([])
    expect(responseProblems(getThing, 404, json, error('thing_not_found'))).toEqual([])
    expect(responseProblems(listThings, 200, 'text/csv; charset=utf-8', 'a,b')).toEqual([])
  })

  it('fails on a missing field, an undocumented field or a wrong type', () => {
    expect(responseProblems(getThing, 200, json, { id: 'a' })).toHaveLength(1)
    expect(responseProblems(getThing, 200, json, { id: 'a', n: 1, extra: true })).toHaveLength(1)
    expect(responseProblems(getThing, 200, json, { id: 'a', n: '1' })).toHaveLength(1)
  })

  it('fails on an undocumented status, error code, error shape or media type', () => {
    expect(responseProblems(getThing, 409, json, error('conflict'))).toHaveLength(1)
    expect(responseProblems(getThing, 404, json, error('survey_not_found'))).toHaveLength(1)
    expect(responseProblems(getThing, 404, json, { message: 'not found' })).toHaveLength(1)
    expect(responseProblems(listThings, 200, json, [])).toHaveLength(1)
  })

  it('knows the generic statuses every operation may answer', () => {
    expect(responseProblems(getThing, 503, json, error('service_unavailable'))).toEqual([])
    expect(responseProblems(getThing, 500, json, error('internal_error'))).toEqual([])
  })

  it('routes a path to its operation, a static segment before a parameter', () => {
    const match = operationMatcher([getThing, listThings])
    expect(match('GET', '/api/things/all')).toBe(listThings)
    expect(match('GET', '/api/things/x1')).toBe(getThing)
    expect(match('POST', '/api/things/x1')).toBeUndefined()
  })
})
