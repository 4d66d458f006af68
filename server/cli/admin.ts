import { parseArgs } from 'node:util'
import type { Kysely } from 'kysely'
import { createDatabase } from '../../db/connection.js'
import { migrateToLatest } from '../../db/migrate.js'
import { recordAudit, type AuditAction } from '../../db/queries/audit-log.js'
import {
  deleteUser,
  findUserByUsername,
  insertUser,
  listUsers,
  setPasswordHash,
} from '../../db/queries/users.js'
import type { Database } from '../../db/schema.js'
import {
  isRole,
  normalizeUsername,
  passwordProblem,
  ROLES,
  usernameProblem,
} from '../accounts/accounts.js'
import { generatePassword, hashPassword } from '../accounts/password.js'
import { loadConfig } from '../config.js'
import { CliError, runAsScript, runCli, type CliStreams } from './runner.js'

export interface CliIo extends CliStreams {
  /** All of standard input, for --password-stdin. */
  readStdin: () => Promise<string>
  /** scrypt N; lowered only in tests. */
  passwordCost?: number
}

const USAGE = `Usage: npm run admin -- <command> [options]

Commands:
  create-user   --username <name> --role <admin|researcher> [password option]
  set-password  --username <name> [password option]   (also signs the user out everywhere
                                                        and revokes their API tokens)
  list-users
  delete-user   --username <name>                      (the last admin cannot be deleted)
  help

Password options (without one, a strong password is generated and printed once):
  --password-stdin     read the password from standard input (first line)
  --password <secret>  visible in the shell history and process list: prefer the above

The database is the server's: DATABASE_URL, default ./data/survey.db.`

const usageError = (message: string) => new CliError(`${message}\n\n${USAGE}`, 2)
const noSuchUser = (username: string) => new CliError(`No user named "${username}".`)

interface Options {
  username?: string
  role?: string
  password?: string
  'password-stdin'?: boolean
}

const OPTIONS = {
  username: { type: 'string' },
  role: { type: 'string' },
  password: { type: 'string' },
  'password-stdin': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const

function requireUsername(options: Options): string {
  if (!options.username) throw usageError('--username is required.')
  return normalizeUsername(options.username)
}

/** The chosen password, or a generated one (then printed once by the caller). */
async function choosePassword(options: Options, io: CliIo) {
  if (options.password !== undefined && options['password-stdin']) {
    throw usageError('Give either --password or --password-stdin, not both.')
  }
  const given = options['password-stdin']
    ? (await io.readStdin()).split(/\r?\n/)[0]
    : options.password
  if (given === undefined) return { password: generatePassword(), generated: true }
  const problem = passwordProblem(given)
  if (problem) throw new CliError(`Password refused: ${problem}.`)
  return { password: given, generated: false }
}

// Command-line chores have no signed-in user: the actor is 'cli'. Pass the chore's transaction
// so the change and its entry are stored together or not at all.
const audit = (
  db: Kysely<Database>,
  action: AuditAction,
  target: string,
  details?: Record<string, unknown>,
) => recordAudit(db, { at: new Date().toISOString(), actor: 'cli', action, target, details })

type Command = (db: Kysely<Database>, options: Options, io: CliIo) => Promise<void>

const commands: Record<string, Command> = {
  async 'create-user'(db, options, io) {
    const username = requireUsername(options)
    const problem = usernameProblem(username)
    if (problem) throw new CliError(`Username refused: ${problem}.`)
    if (!isRole(options.role)) throw usageError(`--role must be one of: ${ROLES.join(', ')}.`)
    if (await findUserByUsername(db, username)) {
      throw new CliError(`A user named "${username}" already exists.`)
    }
    const { password, generated } = await choosePassword(options, io)
    const user = {
      username,
      role: options.role,
      passwordHash: await hashPassword(password, io.passwordCost),
      createdAt: new Date().toISOString(),
    }
    await db.transaction().execute(async (trx) => {
      await insertUser(trx, user)
      await audit(trx, 'user.create', username, { role: user.role })
    })
    io.stdout(`Created ${options.role} "${username}".\n`)
    if (generated) io.stdout(`Password (shown only this once): ${password}\n`)
  },

  async 'set-password'(db, options, io) {
    const username = requireUsername(options)
    if (!(await findUserByUsername(db, username))) throw noSuchUser(username)
    const { password, generated } = await choosePassword(options, io)
    const passwordHash = await hashPassword(password, io.passwordCost)
    const at = new Date().toISOString()
    const { tokensRevoked } = await db.transaction().execute(async (trx) => {
      const changed = await setPasswordHash(trx, { username, passwordHash, at })
      if (!changed) throw noSuchUser(username)
      // Details only when tokens went with the old password.
      await audit(trx, 'user.password', username, changed.tokensRevoked > 0 ? changed : undefined)
      return changed
    })
    io.stdout(
      `Set a new password for "${username}"; their sessions have ended and ` +
        `${tokensRevoked} API token(s) were revoked.\n`,
    )
    if (generated) io.stdout(`Password (shown only this once): ${password}\n`)
  },

  async 'list-users'(db, _options, io) {
    const users = await listUsers(db)
    if (users.length === 0) return io.stdout('No users.\n')
    const width = Math.max('username'.length, ...users.map((user) => user.username.length))
    const line = (name: string, role: string, created: string) =>
      `${name.padEnd(width)}  ${role.padEnd(10)}  ${created}\n`
    io.stdout(line('username', 'role', 'created'))
    for (const { username, role, created_at } of users) {
      io.stdout(line(username, role, created_at.slice(0, 10)))
    }
  },

  async 'delete-user'(db, options, io) {
    const username = requireUsername(options)
    await db.transaction().execute(async (trx) => {
      const outcome = await deleteUser(trx, username)
      if (outcome === 'not_found') throw noSuchUser(username)
      if (outcome === 'last_admin') {
        throw new CliError(`"${username}" is the last admin: create another admin first.`)
      }
      await audit(trx, 'user.delete', username)
    })
    io.stdout(`Deleted "${username}" and their sessions.\n`)
  },
}

function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true })
  } catch (error) {
    throw usageError((error as Error).message) // unknown option, missing value
  }
}

async function run(argv: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parse(argv)
  const [name, ...extra] = positionals
  if (values.help || name === 'help') return io.stdout(`${USAGE}\n`)
  if (name === undefined) throw usageError('Give a command.')
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined
  if (!command) throw usageError(`Unknown command "${name}".`)
  // Not echoed: a stray argument is often a password that lost its --password.
  if (extra.length > 0) throw usageError('Unexpected argument after the command.')

  const db = createDatabase(loadConfig(io.env).database)
  try {
    await migrateToLatest(db)
    await command(db, values, io)
  } finally {
    await db.destroy()
  }
}

/** Runs one command against the server's database; returns the exit code. */
export const main = (argv: string[], io: CliIo) => runCli(() => run(argv, io), io)

const readStdin = async () => {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

runAsScript(import.meta.url, main, { readStdin })
