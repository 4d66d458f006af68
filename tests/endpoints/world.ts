import { createHash, randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import { miniSurvey } from '../fixtures.js'
import {
  addSurvey,
  createTestContext,
  createUser,
  signedInClient,
  signIn,
  type TestContext,
} from '../helpers.js'

export const PASSWORD = 'correct horse battery staple'
export const MINI_OPEN = 'mini-open'
export const MINI_CLOSED = 'mini-closed'
export const MINI_DRAFT = 'mini-draft'

/** A test context with an admin, a researcher, and surveys in every status. */
export interface World extends TestContext {
  cookies: { admin: string; researcher: string }
  /** A slug no survey has yet, for calls that need a fresh survey. */
  freshSlug: () => string
  /** Adds a fresh mini survey in the given status and returns its slug. */
  addMini: (status: 'draft' | 'open' | 'closed') => Promise<string>
  /** A fresh open, invitation-only mini survey and unused codes for it (through the admin API). */
  addInvitationSurvey: (codes?: number) => Promise<{ slug: string; codes: string[] }>
}

export async function createWorld(): Promise<World> {
  const ctx = await createTestContext()
  await createUser(ctx.db, 'alice', 'admin', PASSWORD)
  await createUser(ctx.db, 'rob', 'researcher', PASSWORD)
  // Signs in through the login endpoint in its valid calls, so the others' sessions stay.
  await createUser(ctx.db, 'lena', 'researcher', PASSWORD)
  await addSurvey(ctx.db, MINI_OPEN, miniSurvey, 'open')
  await addSurvey(ctx.db, MINI_CLOSED, miniSurvey, 'closed')
  await addSurvey(ctx.db, MINI_DRAFT, miniSurvey, 'draft')
  const cookies = {
    admin: await signIn(ctx.app, 'alice', PASSWORD),
    researcher: await signIn(ctx.app, 'rob', PASSWORD),
  }
  let counter = 0
  const freshSlug = () => `fresh-${++counter}-${randomBytes(3).toString('hex')}`
  const addMini = async (status: 'draft' | 'open' | 'closed') => {
    const slug = freshSlug()
    await addSurvey(ctx.db, slug, miniSurvey, status)
    return slug
  }
  const admin = signedInClient(ctx.app, cookies.admin)
  const addInvitationSurvey = async (count = 2) => {
    const slug = await addMini('open')
    const access = await admin.put(`/api/admin/surveys/${slug}/access`, { access: 'invitation' })
    if (access.status !== 200) throw new Error(`access: ${access.status} ${await access.text()}`)
    const res = await admin.post(`/api/admin/surveys/${slug}/invitation-codes`, { count })
    if (res.status !== 201) throw new Error(`codes: ${res.status} ${await res.text()}`)
    const codes = (await res.text()).trim().split(/\r?\n/).slice(1).map((row) => row.split(',')[0])
    return { slug, codes }
  }
  return { ...ctx, cookies, freshSlug, addMini, addInvitationSurvey }
}

/** A table's row count and a digest of its rows' contents (in any order). */
export interface TableState {
  rows: number
  digest: string
}

/**
 * Every table the migrations made (found by introspection, so tables added later are seen too):
 * equal snapshots before and after a refused request mean nothing was inserted, deleted or
 * updated. Contents, not just counts: an UPDATE on a refused request changes no count.
 */
export async function snapshotRows(db: TestContext['db']): Promise<Record<string, TableState>> {
  const state: Record<string, TableState> = {}
  for (const name of await tableNames(db)) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db)
    const lines = rows.map((row) => JSON.stringify(row, (_, v) => (typeof v === 'bigint' ? `${v}` : v)))
    const digest = createHash('sha256').update(lines.sort().join('\n')).digest('hex')
    state[name] = { rows: rows.length, digest }
  }
  return state
}

// Migrations run before a test starts, so a test context's tables are listed once.
const tablesByDb = new WeakMap<TestContext['db'], Promise<string[]>>()
function tableNames(db: TestContext['db']): Promise<string[]> {
  let names = tablesByDb.get(db)
  if (!names) {
    names = db.introspection.getTables().then((tables) => tables.map((table) => table.name))
    tablesByDb.set(db, names)
  }
  return names
}
