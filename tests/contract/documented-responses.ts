import { afterEach, expect, vi } from 'vitest'

// Setup file (vitest.config.ts): every response any test receives from the app (`app.request` or
// `app.fetch`) is held to the OpenAPI description of its operation (tests/contract/check-response.ts).
// A test that receives an undocumented status, field or error code fails with the reason.

const problems: string[] = []
const counter = globalThis as { documentedResponsesChecked?: number }

async function check(request: Request, response: Response) {
  const path = new URL(request.url).pathname
  if (!path.startsWith('/api/') || request.method === 'HEAD' || request.method === 'OPTIONS') return
  const { apiOperations } = await import('../../server/platform/openapi/operations.js')
  const { operationMatcher, responseProblems } = await import('./check-response.js')
  const op = operationMatcher(apiOperations)(request.method, path)
  const contentType = response.headers.get('content-type')
  let body: unknown
  if (/^application\/json/i.test(contentType ?? '')) {
    const text = await response.clone().text()
    try {
      body = JSON.parse(text)
    } catch {
      body = text
    }
  } else if (response.body !== null && !op?.responses[response.status]?.content) {
    const text = await response.clone().text()
    body = text === '' ? undefined : text
  }
  counter.documentedResponsesChecked = (counter.documentedResponsesChecked ?? 0) + 1
  for (const problem of responseProblems(op, response.status, contentType, body)) {
    problems.push(`${request.method} ${path}: ${problem}`)
  }
}

vi.mock('hono', async (importOriginal) => {
  const hono = await importOriginal<typeof import('hono')>()
  class CheckedHono<E extends object, S extends object, B extends string> extends hono.Hono<
    // biome-ignore lint: the generic parameters pass straight through
    E & import('hono').Env,
    S & import('hono/types').Schema,
    B
  > {
    constructor(...args: ConstructorParameters<typeof hono.Hono>) {
      super(...args)
      const fetch = this.fetch
      this.fetch = async (request, ...rest) => {
        const response = await fetch(request, ...rest)
        await check(request, response)
        return response
      }
    }
  }
  return { ...hono, Hono: CheckedHono }
})

afterEach(() => {
  const found = problems.splice(0)
  expect(found, 'responses that differ from the OpenAPI document').toEqual([])
})
