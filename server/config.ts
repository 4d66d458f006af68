import { z } from 'zod'
import { MIN_PASSWORD_LENGTH, USERNAME_PATTERN } from './auth/accounts.js'

/** Where the data lives: an SQLite file path (PostgreSQL arrives with its own issue). */
export type DatabaseTarget = { kind: 'sqlite'; path: string }

export interface Config {
  port: number
  host: string
  database: DatabaseTarget
  surveysDir: string
  clientDir: string
  /** Base URL printed for respondents; defaults to http://<host>:<listening port>. */
  publicUrl: string | undefined
  /** The first admin, created at start when no admin exists (see server/auth/initial-admin.ts). */
  admin: { username: string; password: string | undefined }
  /** Behind a reverse proxy: believe X-Forwarded-Proto / X-Forwarded-For. */
  trustProxy: boolean
  /** Groups with fewer respondents are never shown (see docs/decisions/003). */
  minGroupSize: number
  /** Response submissions allowed per client address per 10 minutes, per instance. */
  submissionRateLimit: number
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
})

export class ConfigError extends Error {}

/** Accepts `./file.db`, `file:./file.db` and `sqlite:./file.db`; refuses anything else loudly. */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (/^postgres(ql)?:\/\//i.test(url)) {
    throw new ConfigError('DATABASE_URL: PostgreSQL is not supported yet; use an SQLite file path')
  }
  const path = url.replace(/^(sqlite|file):(\/\/)?/i, '')
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) {
    throw new ConfigError(`DATABASE_URL: unsupported scheme in "${url}"; use an SQLite file path`)
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
    database: parseDatabaseUrl(values.DATABASE_URL),
    surveysDir: values.SURVEYS_DIR,
    clientDir: values.CLIENT_DIR,
    publicUrl: values.PUBLIC_URL?.replace(/\/+$/, ''),
    admin: { username: values.ADMIN_USERNAME, password: values.ADMIN_PASSWORD },
    trustProxy: values.TRUST_PROXY,
    minGroupSize: values.MIN_GROUP_SIZE,
    submissionRateLimit: values.SUBMISSION_RATE_LIMIT,
  }
}
