import { describe, expect, it } from 'vitest'
import * as ops from '../../client/admin/editor/model/operations'
import { createTestContext, createUser, signedInClient, signIn } from '../helpers'
import { LEVELS, start } from './levels-fixture'

const q = (page: number, index: number) => ({ page, index })

describe('levels saved from the browser editor', () => {
  it('are saved as they are; deleting a choice a level needs is a 422 naming it', async () => {
    const ctx = await createTestContext({ loadBundled: false })
    await createUser(ctx.db, 'ada', 'admin', 'correct horse battery staple')
    const cookie = await signIn(ctx.app, 'ada', 'correct horse battery staple')
    const admin = signedInClient(ctx.app, cookie)
    const base = '/api/admin/surveys'
    expect((await admin.post(base, { slug: 'wards', definition: start() })).status).toBe(201)
    const edited = ops.setProperty(start(), q(0, 2), 'rateMax', 7)
    expect((await admin.put(`${base}/wards`, { definition: edited })).status).toBe(200)
    const saved = await (await admin.get(`${base}/wards`)).json()
    expect(saved.definition.levels).toStrictEqual(LEVELS)

    const without = ops.deleteItem(edited, q(0, 0), 'choices', 2)
    const res = await admin.put(`${base}/wards`, { definition: without })
    expect(res.status).toBe(422)
    const { error } = await res.json()
    expect(error.code).toBe('invalid_definition')
    // What the editor lists under "Not saved." (client/admin/saveDefinition.ts, ServerErrors).
    expect(error.details).toEqual([
      { field: 'definition', message: 'Level "sector.kind": "other" is not a value of sector' },
    ])
  })
})
