import type { ColumnType, Generated, Insertable, Selectable } from 'kysely'

export type SurveyStatus = 'draft' | 'open' | 'closed'

export type SurveyAccess = 'public' | 'invitation'

export interface SurveysTable {
  id: Generated<number>
  slug: string
  status: SurveyStatus
  /** 'invitation': every response needs a one-time code (see invitation_codes). */
  access: ColumnType<SurveyAccess, SurveyAccess | undefined, SurveyAccess>
  /** 1: the public front page lists it while open (server/reports); 0 by default. */
  listed: ColumnType<number, number | undefined, number>
}

/** Immutable once written: a changed definition is a new row with the next version number. */
export interface SurveyVersionsTable {
  id: Generated<number>
  survey_id: number
  version: number
  title: string
  definition: string
  checksum: string
  source: string | null
}

/**
 * One row per submitted response. Deliberately no IP, user agent, referrer, cookie, session or
 * precise time: `submitted_on` is a day (YYYY-MM-DD) and `id` is random, in a WITHOUT ROWID table.
 */
export interface ResponsesTable {
  id: string
  survey_version_id: number
  locale: string
  submitted_on: string
  knowledge_score: number | null
  /** The release that first included it; null until a release is made. */
  release_no: ColumnType<number | null, number | null | undefined, number | null>
}

/**
 * A response's answers as submitted (JSON), the source every answer row is derived from. Apart
 * from `responses` so the row a release relabels stays narrow (decision 008); same random key.
 */
export interface ResponseAnswersTable {
  response_id: string
  answers: string
}

/** Atomic answered values, one row each, so SQL can count and average (see docs/decisions). */
export type ReleaseKind = 'interim' | 'final'

/** A frozen publication: what researchers may see, planned once with small-cell suppression. */
export interface ReleasesTable {
  id: Generated<number>
  survey_id: number
  number: number
  kind: ReleaseKind
  created_on: string
  publication: string
}

export interface ResponseValuesTable {
  response_id: string
  question: string
  item: ColumnType<string, string | undefined, string>
  value: string | null
  number: number | null
}

/**
 * Running counts per survey, release (0 = not yet released) and combination of dimension values
 * g0..g3 (named by `dims`): see db/queries/response-counts.ts. Counts only, never a response.
 */
export interface ResponseCountsTable {
  survey_id: number
  release_no: number
  dims: string
  g0: string
  g1: string
  g2: string
  g3: string
  kind: 'response' | 'answer' | 'quiz'
  question: string
  item: string
  value: string
  n: number
  numbers: number
  number_sum: number
}

/**
 * A release's figures per table it can show, summed from response_counts when it is made:
 * `grouping` lists the counted dimension columns ('' = the total, '0' one, '0,2' a pair), whose
 * values are g0 and g1 in that order. See db/queries/release-tables.ts.
 */
export interface ReleaseTablesTable {
  survey_id: number
  release_no: number
  grouping: string
  g0: string
  g1: string
  kind: 'response' | 'answer' | 'quiz'
  question: string
  item: string
  value: string
  n: number
  numbers: number
  number_sum: number
}

export interface ResponseQuizItemsTable {
  response_id: string
  question: string
  correct: number
}

/** Reference figures per survey (server/knowledge): `items` is JSON {item: {n, correct}}. */
export interface SurveyBaselinesTable {
  survey_id: number
  label: string
  items: string
}

/**
 * Public reports (server/reports): a release published at /r/<id>, `id` 128 random bits; the
 * admin's choices as JSON. Withdrawn = deleted. Nothing about respondents.
 */
export interface ReportsTable {
  id: string
  survey_id: number
  release_no: number
  options: string
}

export interface Database {
  surveys: SurveysTable
  survey_versions: SurveyVersionsTable
  responses: ResponsesTable
  response_answers: ResponseAnswersTable
  response_values: ResponseValuesTable
  response_quiz_items: ResponseQuizItemsTable
  response_counts: ResponseCountsTable
  release_tables: ReleaseTablesTable
  releases: ReleasesTable
  users: UsersTable
  sessions: SessionsTable
  audit_log: AuditLogTable
  api_tokens: ApiTokensTable
  invitation_codes: InvitationCodesTable
  server_secrets: ServerSecretsTable
  idempotency_keys: IdempotencyKeysTable
  survey_baselines: SurveyBaselinesTable
  reports: ReportsTable
}

export type Survey = Selectable<SurveysTable>
export type SurveyVersion = Selectable<SurveyVersionsTable>
export type NewSurveyVersion = Insertable<SurveyVersionsTable>
export type Response = Selectable<ResponsesTable>
export type NewResponse = Insertable<ResponsesTable>
export type NewResponseValue = Insertable<ResponseValuesTable>

/** Tables that hold respondent data: the anonymity test inspects every column of these. */
export const RESPONSE_SIDE_TABLES = [
  'responses',
  'response_answers',
  'response_values',
  'response_quiz_items',
  'response_counts',
  'release_tables',
  'invitation_codes',
  'idempotency_keys',
] as const

/**
 * One-time codes of invitation-only surveys: only an HMAC of each code and whether it was used.
 * No time and nothing that refers to the response a code unlocked.
 */
export interface InvitationCodesTable {
  survey_id: number
  code_hmac: string
  used: ColumnType<number, number | undefined, number>
}

/**
 * Idempotency keys of stored submissions (db/queries/idempotency-keys.ts): a SHA-256 of the key,
 * an HMAC of the request under the key, and the day; nothing that points at the response.
 */
export interface IdempotencyKeysTable {
  key_hash: string
  survey_id: number
  request_digest: string
  day: string
}

/** Secrets the server makes once and keeps in the database (see server/invitations/invitation-secret.ts). */
export interface ServerSecretsTable {
  name: string
  value: string
}

export type UserRole = 'admin' | 'researcher'

/** Admin-side: people who sign in. `username` is stored lower-cased; `created_at` is ISO. */
export interface UsersTable {
  id: Generated<number>
  username: string
  role: UserRole
  password_hash: string
  created_at: string
}

/** Server-side sessions, keyed by the SHA-256 hash of the token (never the token itself). */
export interface SessionsTable {
  token_hash: string
  user_id: number
  created_at: string
  last_seen_at: string
  expires_at: string
}

export type User = Selectable<UsersTable>
export type NewUser = Insertable<UsersTable>
export type NewSession = Insertable<SessionsTable>

/** Admin actions (never respondents'): `at` is ISO, `actor` a username or 'cli', `details` JSON. */
export interface AuditLogTable {
  id: Generated<number>
  at: string
  actor: string
  action: string
  target: string
  details: string | null
}

/**
 * Personal API tokens (read-only scripting access), keyed by the SHA-256 of the token. Times are
 * ISO; `expires_at` null never expires; `last_used_on` is a day (YYYY-MM-DD).
 */
export interface ApiTokensTable {
  id: Generated<number>
  user_id: number
  name: string
  token_hash: string
  created_at: string
  expires_at: string | null
  revoked_at: ColumnType<string | null, string | null | undefined, string | null>
  last_used_on: ColumnType<string | null, string | null | undefined, string | null>
}
