import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { createSqliteDb } from '../db/connection.js'
import { verifyPassword } from '../server/accounts/password.js'
import { main } from '../server/cli/admin.js'
import { REPO_ROOT, TEST_PASSWORD_COST } from './helpers.js'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** A CLI bound to a fresh database file, with captured output. */
function cli() {
  const dir = mkdtempSync(join(tmpdir(), 'admin-cli-'))
  dirs.push(dir)
  const dbPath = join(dir, 'data', 'survey.db')
  const env = { DATABASE_URL: `sqlite:${dbPath}` }
  const run = async (args: string[], stdin = '') => {
    let stdout = ''
    let stderr = ''
    const code = await main(args, {
      env,
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
      readStdin: async () => stdin,
      passwordCost: TEST_PASSWORD_COST,
    })
    return { code, stdout, stderr }
  }
  const users = async () => {
    const db = createSqliteDb(dbPath)
    try {
      return await db.selectFrom('users').selectAll().orderBy('username').execute()
    } finally {
      await db.destroy()
    }
  }
  return { run, users, env, dbPath }
}

describe('npm run admin -- create-user', () => {
  it('creates a user with a generated password, printed once', async () => {
    const { run, users } = cli()
    const result = await run(['create-user', '--username', 'Anna', '--role', 'researcher'])
    expect(result).toMatchObject({ code: 0, stderr: '' })
    const password = /Password \(shown only this once\): (\S+)/.exec(result.stdout)?.[1] ?? ''
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/)
    const [row] = await users()
    expect(row).toMatchObject({ username: 'anna', role: 'researcher' })
    expect(await verifyPassword(password, row.password_hash)).toBe(true)
  })

  it('takes the password from --password or standard input, and does not print it', async () => {
    const { run, users } = cli()
    const given = await run([
      ...['create-user', '--username', 'a', '--role', 'admin'],
      ...['--password', 'given password!'],
    ])
    expect(given.code).toBe(0)
    expect(given.stdout).not.toContain('given password!')
    const piped = await run(
      ['create-user', '--username', 'b', '--role', 'researcher', '--password-stdin'],
      'piped password!\n',
    )
    expect(piped.code).toBe(0)
    expect(piped.stdout).not.toContain('piped password!')
    const [a, b] = await users()
    expect(await verifyPassword('given password!', a.password_hash)).toBe(true)
    expect(await verifyPassword('piped password!', b.password_hash)).toBe(true)
  })

  const create = ['create-user', '--username', 'x', '--role', 'admin']
  it.each([
    [['create-user', '--role', 'admin'], 2, /--username is required/],
    [['create-user', '--username', 'x', '--role', 'boss'], 2, /--role must be one of: admin, res/],
    [['create-user', '--username', 'x'], 2, /--role must be one of/],
    [['create-user', '--username', 'x y', '--role', 'admin'], 1, /Username refused/],
    [[...create, '--password', 'short'], 1, /at least 12 characters/],
    [[...create, '--password', 'long enough pw', '--password-stdin'], 2, /not both/],
    [[...create, '--bogus'], 2, /Unknown option '--bogus'/],
    [[...create, 'stray-secret'], 2, /Unexpected argument/],
  ])('refuses %j with exit code %i', async (args, code, message) => {
    const { run, users } = cli()
    const result = await run(args)
    expect(result.code).toBe(code)
    expect(result.stderr).toMatch(message)
    expect(result.stderr).not.toContain('stray-secret')
    if (code === 1) expect(await users()).toEqual([])
  })

  it('refuses a username that exists, in any case', async () => {
    const { run } = cli()
    await run(['create-user', '--username', 'anna', '--role', 'admin'])
    const result = await run(['create-user', '--username', 'ANNA', '--role', 'researcher'])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/already exists/)
  })
})

describe('npm run admin -- list-users, set-password, delete-user', () => {
  it('lists username, role and creation date, never hashes', async () => {
    const { run } = cli()
    await run(['create-user', '--username', 'zoe', '--role', 'researcher'])
    await run(['create-user', '--username', 'adam', '--role', 'admin'])
    const result = await run(['list-users'])
    expect(result.code).toBe(0)
    const lines = result.stdout.trim().split('\n')
    expect(lines[0]).toMatch(/^username\s+role\s+created$/)
    expect(lines[1]).toMatch(/^adam\s+admin\s+\d{4}-\d{2}-\d{2}$/)
    expect(lines[2]).toMatch(/^zoe\s+researcher\s+\d{4}-\d{2}-\d{2}$/)
    expect(result.stdout).not.toContain('scrypt')
  })

  it('says so when there are no users', async () => {
    const { run } = cli()
    expect(await run(['list-users'])).toMatchObject({ code: 0, stdout: 'No users.\n' })
  })

  it('sets a new password and ends the user’s sessions', async () => {
    const { run, users, dbPath } = cli()
    await run(['create-user', '--username', 'anna', '--role', 'admin'])
    const db = createSqliteDb(dbPath)
    const [{ id }] = await db.selectFrom('users').select('id').execute()
    const now = new Date().toISOString()
    const session = { created_at: now, last_seen_at: now, expires_at: now }
    await db
      .insertInto('sessions')
      .values({ token_hash: 'a'.repeat(64), user_id: id, ...session })
      .execute()
    await db.destroy()

    const stdin = 'a brand new password\r\n'
    const result = await run(['set-password', '--username', 'Anna', '--password-stdin'], stdin)
    expect(result.code).toBe(0)
    const [anna] = await users()
    expect(await verifyPassword('a brand new password', anna.password_hash)).toBe(true)
    const check = createSqliteDb(dbPath)
    expect(await check.selectFrom('sessions').selectAll().execute()).toEqual([])
    await check.destroy()

    const generated = await run(['set-password', '--username', 'anna'])
    expect(generated.stdout).toMatch(/Password \(shown only this once\): \S{24}/)
    expect((await run(['set-password', '--username', 'nobody'])).code).toBe(1)
  })

  it('deletes a user, but never the last admin', async () => {
    const { run, users } = cli()
    await run(['create-user', '--username', 'boss', '--role', 'admin'])
    await run(['create-user', '--username', 'rob', '--role', 'researcher'])
    expect((await run(['delete-user', '--username', 'rob'])).code).toBe(0)
    const last = await run(['delete-user', '--username', 'boss'])
    expect(last.code).toBe(1)
    expect(last.stderr).toMatch(/last admin/)
    expect((await run(['delete-user', '--username', 'rob'])).stderr).toMatch(/No user named "rob"/)
    expect((await users()).map((user) => user.username)).toEqual(['boss'])
  })

  it('prints help with exit 0, and usage with exit 2 for no or an unknown command', async () => {
    const { run } = cli()
    const help = await run(['help'])
    expect(help).toMatchObject({ code: 0, stdout: expect.stringMatching(/create-user/) })
    expect((await run([])).code).toBe(2)
    expect(await run(['drop-database'])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/Unknown command "drop-database"/),
    })
  })

  it('reports a bad DATABASE_URL with exit code 1', async () => {
    const io = { stdout: () => {}, readStdin: async () => '' }
    let stderr = ''
    const code = await main(['list-users'], {
      ...io,
      env: { DATABASE_URL: 'mysql://db/x' },
      stderr: (text) => (stderr += text),
    })
    expect(code).toBe(1)
    expect(stderr).toMatch(/DATABASE_URL: unsupported scheme/)
  })
})

describe('the admin command as a process', () => {
  it('runs through tsx with DATABASE_URL and exits non-zero on errors', async () => {
    const { env, users } = cli()
    // What `npm run admin --` runs, without npm's start-up time.
    const tsx = join(REPO_ROOT, 'node_modules', '.bin', 'tsx')
    const run = (args: string[]) =>
      promisify(execFile)(tsx, ['server/cli/admin.ts', ...args], {
        cwd: REPO_ROOT,
        env: { ...process.env, ...env },
      })
    const created = await run(['create-user', '--username', 'anna', '--role', 'researcher'])
    expect(created.stdout).toMatch(/Created researcher "anna"/)
    expect((await users()).map((user) => user.username)).toEqual(['anna'])
    await expect(run(['delete-user', '--username', 'nobody'])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/No user named "nobody"/),
    })
  })
})
