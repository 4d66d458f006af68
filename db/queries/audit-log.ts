import type { Kysely } from 'kysely'
import type { Database } from '../schema.js'

export type AuditAction =
  | 'survey.create'
  | 'survey.version'
  | 'survey.replace-draft'
  | 'survey.publish'
  | 'survey.close'
  | 'survey.access'
  | 'survey.baseline'
  | 'invitation-codes.create'
  | 'release.create'
  | 'report.publish'
  | 'report.withdraw'
  | 'survey.listing'
  | 'export'
  | 'user.create'
  | 'user.delete'
  | 'user.password'
  | 'token.create'
  | 'token.revoke'

export interface AuditEntry {
  at: string
  actor: string
  action: AuditAction
  target: string
  details?: Record<string, unknown> | null
}

/**
 * What a route records; the app fills in `at` from its clock. Pass the action's transaction so
 * the action and its entry are stored together or not at all.
 */
export type Audit = (entry: Omit<AuditEntry, 'at'>, trx?: Kysely<Database>) => Promise<void>

export async function recordAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: entry.at,
      actor: entry.actor,
      action: entry.action,
      target: entry.target,
      details: entry.details ? JSON.stringify(entry.details) : null,
    })
    .execute()
}

/** Newest first. */
export async function listAudit(db: Kysely<Database>, { limit }: { limit: number }) {
  const rows = await db
    .selectFrom('audit_log')
    .select(['at', 'actor', 'action', 'target', 'details'])
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
  return rows.map((row) => ({
    ...row,
    details: row.details === null ? null : (JSON.parse(row.details) as Record<string, unknown>),
  }))
}
