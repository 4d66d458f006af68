import { describe, expect, it } from 'vitest'
import { listUsers } from '../db/queries/users.js'
import { ensureInitialAdmin } from '../server/accounts/initial-admin.js'
import { verifyPassword } from '../server/accounts/password.js'
import { loadConfig } from '../server/config.js'
import { createAuthTestContext, createUser, signIn, TEST_PASSWORD_COST } from './helpers.js'

const passwordCost = TEST_PASSWORD_COST

describe('ensureInitialAdmin', () => {
  it('creates an admin with a generated password, printed once, that signs in', async () => {
    const { db, app } = await createAuthTestContext()
    const lines: string[] = []
    const outcome = await ensureInitialAdmin(db, { passwordCost }, (line) => lines.push(line))
    expect(outcome).toBe('created-with-generated-password')
    expect(lines).toHaveLength(1)
    const password = /password: (\S+)\n/.exec(lines[0])?.[1] ?? ''
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/)
    expect(await listUsers(db)).toEqual([
      { username: 'admin', role: 'admin', created_at: expect.any(String) },
    ])
    expect(await signIn(app, 'admin', password)).toMatch(/^session=/)

    const again: string[] = []
    const second = await ensureInitialAdmin(db, { passwordCost }, (line) => again.push(line))
    expect(second).toBe('exists')
    expect(again).toEqual([])
    expect(await listUsers(db)).toHaveLength(1)
  })

  it('uses the username and password given, without printing the password', async () => {
    const { db } = await createAuthTestContext()
    const lines: string[] = []
    const password = 'a chosen admin password'
    const admin = { username: 'Chief', password, passwordCost }
    const outcome = await ensureInitialAdmin(db, admin, (line) => lines.push(line))
    expect(outcome).toBe('created')
    expect(lines.join('\n')).not.toContain(password)
    const row = await db.selectFrom('users').selectAll().executeTakeFirstOrThrow()
    expect(row).toMatchObject({ username: 'chief', role: 'admin' })
    expect(await verifyPassword(password, row.password_hash)).toBe(true)
  })

  it('does nothing when an admin exists, whatever its name', async () => {
    const { db } = await createAuthTestContext()
    await createUser(db, 'someone', 'admin', 'their own password')
    expect(await ensureInitialAdmin(db, { passwordCost }, () => {})).toBe('exists')
    expect((await listUsers(db)).map((user) => user.username)).toEqual(['someone'])
  })

  it('still creates an admin when only researchers exist', async () => {
    const { db } = await createAuthTestContext()
    await createUser(db, 'rob', 'researcher', 'researcher password')
    expect(await ensureInitialAdmin(db, { passwordCost }, () => {})).toBe(
      'created-with-generated-password',
    )
  })

  it('refuses a name that is a researcher, and a short password, with a clear error', async () => {
    const { db } = await createAuthTestContext()
    await createUser(db, 'admin', 'researcher', 'researcher password')
    await expect(ensureInitialAdmin(db, { passwordCost }, () => {})).rejects.toThrow(
      /ADMIN_USERNAME: "admin" is already a researcher/,
    )
    await expect(
      ensureInitialAdmin(db, { username: 'boss', password: 'short', passwordCost }, () => {}),
    ).rejects.toThrow(/at least 12 characters/)
  })
})

describe('ADMIN_USERNAME and ADMIN_PASSWORD', () => {
  it('default to "admin" and no password', () => {
    expect(loadConfig({}).admin).toEqual({ username: 'admin', password: undefined })
  })

  it('are read, the username lower-cased', () => {
    const env = { ADMIN_USERNAME: ' Boss@Example.org ', ADMIN_PASSWORD: 'twelve chars!' }
    const admin = { username: 'boss@example.org', password: 'twelve chars!' }
    expect(loadConfig(env).admin).toEqual(admin)
  })

  it('refuse a password under 12 characters without echoing it', () => {
    expect(() => loadConfig({ ADMIN_PASSWORD: 'hunter2' })).toThrow(
      /ADMIN_PASSWORD: must have at least 12 characters/,
    )
    expect(() => loadConfig({ ADMIN_PASSWORD: 'hunter2' })).not.toThrow(/hunter2/)
  })

  it('refuse a username with spaces or symbols', () => {
    expect(() => loadConfig({ ADMIN_USERNAME: 'the boss' })).toThrow(/ADMIN_USERNAME/)
  })
})
