import { z } from 'zod'
import type { DatabaseTarget } from '../db/connection.js'
import { MIN_PASSWORD_LENGTH, USERNAME_PATTERN } from './accounts/accounts.js'

export type { DatabaseTarget }

export interface Config {
  port: number
  host: string
  database: DatabaseTarget
  surveysDir: string
  clientDir: string
  /** Base URL printed for respondents; defaults to http://<host>:<listening port>. */
  publicUrl: string | undefined
  /** The first admin, created at start when no admin exists (see server/accounts/initial-admin.ts). */
  admin: { username: string; password: string | undefined }
  /** Behind a reverse proxy: believe X-Forwarded-Proto / X-Forwarded-For. */
  trustProxy: boolean
  /** Groups with fewer respondents are never shown (see docs/decisions/003). */
  minGroupSize: number
  /** Response submissions allowed per client address per 10 minutes, per instance. */
  submissionRateLimit: number
  /** HMAC key for invitation codes; unset: a random key stored in the database is used. */
  invitationSecret: string | undefined
}

export const DEFAULT_DATABASE_PATH = './data/survey.db'


const envSchema = z.object({
  PORT: z.coerce
    .number({ message: 'must be a number' })
    .int('must be an integer')
    .min(0, 'must be between 0 and 65535')
    .max(65535, 'must be between 0 and 65535')
    .default(3000),
  HOST: z.string().trim().min(1, 'must not be empty').default('0.0.0.0'),
  DATABASE_URL: z.string().trim().min(1, 'must not be empty').default(DEFAULT_DATABASE_PATH),
  DATABASE_POOL_SIZE: z.coerce
    .number({ message: 'must be a number' })
    .int('must be an integer')
    .min(1, 'must be at least 1')
    .max(1000, 'must be at most 1000')
    .default(10),
  SURVEYS_DIR: z.string().trim().min(1).default('./surveys'),
  CLIENT_DIR: z.string().trim().min(1).default('./dist/client'),
  PUBLIC_URL: z.url({ message: 'must be an absolute URL' }).optional(),
  MIN_GROUP_SIZE: z.coerce
    .number({ message: 'must be a number' })
    .int('must be an integer')
    .min(3, 'must be at least 3 (smaller groups could identify people)')
    .max(1000, 'must be at most 1000')
    .default(5),
  SUBMISSION_RATE_LIMIT: z.coerce
    .number({ message: 'must be a number' })
    .int('must be an integer')
    .min(1, 'must be at least 1')
    .default(120),
  TRUST_PROXY: z
    .enum(['true', 'false', '1', '0'], { message: 'must be true or false' })
    .default('false')
    .transform((value) => value === 'true' || value === '1'),
  ADMIN_USERNAME: z
    .string()
    .trim()
    .toLowerCase()
    .regex(USERNAME_PATTERN, 'must be 1-64 letters, digits or . _ @ -')
    .default('admin'),
  ADMIN_PASSWORD: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `must have at least ${MIN_PASSWORD_LENGTH} characters`)
    .optional(),
  INVITATION_SECRET: z
    .string()
    .min(32, 'must have at least 32 characters (e.g. `openssl rand -base64 32`)')
    .optional(),
})

export class ConfigError extends Error {}

/**
 * `postgres://` or `postgresql://` selects PostgreSQL; `./file.db`, `file:./file.db` and
 * `sqlite:./file.db` an SQLite file; anything else is refused loudly.
 */
export function parseDatabaseUrl(url: string, poolSize = 10): DatabaseTarget {
  if (/^postgres(ql)?:\/\//i.test(url)) {
    if (!URL.canParse(url)) throw new ConfigError('DATABASE_URL: not a valid postgres:// URL')
    return { kind: 'postgres', url, poolSize }
  }
  const path = url.replace(/^(sqlite|file):(\/\/)?/i, '')
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) {
    throw new ConfigError(`DATABASE_URL: unsupported scheme in "${url}"; use postgres:// or an SQLite file path`)
  }
  if (path === '') throw new ConfigError('DATABASE_URL: the SQLite file path is empty')
  return { kind: 'sqlite', path }
}

/** The only reader of process.env: parse once, fail start-up with every problem listed. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const defined = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''))
  const parsed = envSchema.safeParse(defined)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`)
  }
  const values = parsed.data
  return {
    port: values.PORT,
    host: values.HOST,
    database: parseDatabaseUrl(values.DATABASE_URL, values.DATABASE_POOL_SIZE),
    surveysDir: values.SURVEYS_DIR,
    clientDir: values.CLIENT_DIR,
    publicUrl: values.PUBLIC_URL?.replace(/\/+$/, ''),
    admin: { username: values.ADMIN_USERNAME, password: values.ADMIN_PASSWORD },
    trustProxy: values.TRUST_PROXY,
    minGroupSize: values.MIN_GROUP_SIZE,
    submissionRateLimit: values.SUBMISSION_RATE_LIMIT,
    invitationSecret: values.INVITATION_SECRET,
  }
}
