import type { Kysely } from 'kysely'
import { recordAudit } from '../../db/queries/audit-log.js'
import { countAdmins, findUserByUsername, insertUser } from '../../db/queries/users.js'
import type { Database } from '../../db/schema.js'
import { ConfigError } from '../config.js'
import { normalizeUsername, passwordProblem, usernameProblem } from './accounts.js'
import { DEFAULT_PASSWORD_COST, generatePassword, hashPassword } from './password.js'

export interface InitialAdmin {
  username?: string
  /** When unset, a strong password is generated and printed once. */
  password?: string
  passwordCost?: number
}

export type InitialAdminOutcome = 'exists' | 'created' | 'created-with-generated-password'

/** First start: without any admin, create one, so that someone can sign in and manage access. */
export async function ensureInitialAdmin(
  db: Kysely<Database>,
  { username: name = 'admin', password, passwordCost = DEFAULT_PASSWORD_COST }: InitialAdmin,
  log: (message: string) => void = console.log,
): Promise<InitialAdminOutcome> {
  if ((await countAdmins(db)) > 0) return 'exists'
  const username = normalizeUsername(name)
  const problem = usernameProblem(username) ?? (password ? passwordProblem(password) : undefined)
  if (problem) throw new ConfigError(`ADMIN_USERNAME/ADMIN_PASSWORD: ${problem}`)
  if (await findUserByUsername(db, username)) {
    throw new ConfigError(
      `ADMIN_USERNAME: "${username}" is already a researcher and there is no admin; ` +
        'choose another ADMIN_USERNAME, or delete that account with `npm run admin -- delete-user`',
    )
  }

  const chosen = password ?? generatePassword()
  const passwordHash = await hashPassword(chosen, passwordCost)
  const at = new Date().toISOString()
  try {
    // Recorded like any account change, by the 'system' itself, in the same transaction.
    await db.transaction().execute(async (trx) => {
      await insertUser(trx, { username, role: 'admin', passwordHash, createdAt: at })
      const entry = { at, actor: 'system', target: username, details: { role: 'admin' } }
      await recordAudit(trx, { ...entry, action: 'user.create' })
    })
  } catch (error) {
    // Another instance starting at the same moment may have created it first.
    if ((await countAdmins(db)) > 0) return 'exists'
    throw error
  }
  if (password) {
    log(`Created the first admin "${username}" with the password from ADMIN_PASSWORD.`)
    return 'created'
  }
  log(
    `Created the first admin "${username}" with the password: ${chosen}\n` +
      'It is shown only this once: sign in and keep it safe, or set another with ' +
      `\`npm run admin -- set-password --username ${username}\`.`,
  )
  return 'created-with-generated-password'
}
