import { describe, expect, it } from 'vitest'
import { createTestContext } from '../helpers.js'

describe('the response check (tests/contract/documented-responses.ts)', () => {
  it('sees the responses tests receive', async () => {
    const { app } = await createTestContext({ loadBundled: false })
    const counter = globalThis as { documentedResponsesChecked?: number }
    const before = counter.documentedResponsesChecked ?? 0
    await app.request('/api/openapi.json')
    expect(counter.documentedResponsesChecked).toBe(before + 1)
  })
})
