import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { Page } from 'playwright-core'
import { REPO_ROOT } from './helpers'

export const ADMIN = { username: 'admin', password: 'browser-test-admin-pw-2026' }

/** The first admin, created by the server at start from these variables. */
export const ADMIN_ENV = { ADMIN_USERNAME: ADMIN.username, ADMIN_PASSWORD: ADMIN.password }

/** Adds an account through `npm run admin` (the CLI), against the running server's database. */
export function createUser(databasePath: string, username: string, role: string, password: string) {
  execFileSync(
    join(REPO_ROOT, 'node_modules', '.bin', 'tsx'),
    [
      'server/cli/admin.ts',
      'create-user',
      '--username',
      username,
      '--role',
      role,
      '--password-stdin',
    ],
    { cwd: REPO_ROOT, env: { ...process.env, DATABASE_URL: databasePath }, input: password },
  )
}

/**
 * A small trilingual questionnaire grouped by sector and region (like the bundled one), written
 * where a browser can upload it.
 */
export function writeQuestionnaireFile(fileName: string): string {
  const definition = {
    title: { default: 'Ward survey', fi: 'Osastokysely', sv: 'Avdelningsenkät' },
    pages: [
      {
        name: 'about',
        elements: [
          {
            type: 'radiogroup',
            name: 'sector',
            title: {
              default: 'Where do you work?',
              fi: 'Missä työskentelet?',
              sv: 'Var arbetar du?',
            },
            isRequired: true,
            choices: [
              {
                value: 'public',
                text: { default: 'Public sector', fi: 'Julkinen sektori', sv: 'Offentlig sektor' },
              },
              {
                value: 'private',
                text: { default: 'Private sector', fi: 'Yksityinen sektori', sv: 'Privat sektor' },
              },
            ],
          },
          {
            type: 'radiogroup',
            name: 'region',
            title: { default: 'In which region?', fi: 'Millä alueella?', sv: 'I vilken region?' },
            isRequired: true,
            choices: [
              { value: 'north', text: { default: 'North', fi: 'Pohjoinen', sv: 'Norr' } },
              { value: 'south', text: { default: 'South', fi: 'Etelä', sv: 'Söder' } },
              { value: 'east', text: { default: 'East', fi: 'Itä', sv: 'Öster' } },
            ],
          },
          {
            type: 'radiogroup',
            name: 'trained',
            title: { default: 'Have you had training?', fi: 'Oletko saanut koulutusta?' },
            isRequired: true,
            choices: [
              { value: 'yes', text: { default: 'Yes', fi: 'Kyllä', sv: 'Ja' } },
              { value: 'no', text: { default: 'No', fi: 'Ei', sv: 'Nej' } },
            ],
          },
          {
            type: 'comment',
            name: 'wishes',
            title: {
              default: 'What would help you?',
              fi: 'Mikä auttaisi sinua?',
              sv: 'Vad skulle hjälpa dig?',
            },
            visibleIf: "{trained} = 'no'",
          },
        ],
      },
    ],
  }
  const path = join(mkdtempSync(join(tmpdir(), 'admin-upload-')), fileName)
  writeFileSync(path, JSON.stringify(definition, null, 2))
  return path
}

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Username').fill(username)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

/** The status `GET /api/auth/me` answers this page's browser context (its cookies). */
export function meStatus(page: Page): Promise<number> {
  return page.evaluate(async () => (await fetch('/api/auth/me')).status)
}

type Answers = Record<string, unknown>

// Two groups of at least 5 and two small ones, so the release must hide some cells.
export const MIXED_GROUPS: [number, Answers][] = [
  [7, { sector: 'primary_health_care', region: 'helsinki' }],
  [6, { sector: 'specialised_hospital_care', region: 'helsinki' }],
  [2, { sector: 'social_services', region: 'lappi' }],
  [1, { sector: 'primary_health_care', region: 'pirkanmaa' }],
]

/** `count` respondents per row, each answering `base` with the row's own values (their group). */
export function groupsOf(base: Answers, plan: [count: number, group: Answers][]): Answers[] {
  return plan.flatMap(([count, group]) =>
    Array.from({ length: count }, () => ({ ...base, ...group })),
  )
}

/** Submits responses as respondents would, through the running server's public API. */
export async function postResponses(baseUrl: string, slug: string, responses: Answers[]) {
  for (const answers of responses) {
    const res = await fetch(`${baseUrl}/api/surveys/${slug}/responses`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ answers }),
    })
    if (res.status !== 201) throw new Error(`response refused: ${res.status} ${await res.text()}`)
  }
}

/** Makes an interim release from a page signed in as admin (its session cookie). */
/** Makes a release through the API as the admin (not through the page). */
export async function releaseAsAdmin(baseUrl: string, slug: string): Promise<void> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(ADMIN),
  })
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]
  const res = await fetch(`${baseUrl}/api/admin/surveys/${slug}/releases`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: cookie },
  })
  if (res.status !== 201) throw new Error(`release refused: ${res.status} ${await res.text()}`)
}

export async function makeRelease(page: Page, slug: string): Promise<void> {
  const status = await page.evaluate(
    async (path) =>
      (await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' } }))
        .status,
    `/api/admin/surveys/${slug}/releases`,
  )
  if (status !== 201) throw new Error(`release refused: ${status}`)
}

/**
 * Ends a user's sessions the way time would, by writing to the running server's database (WAL
 * lets a second connection write): 'idle' puts the last request 31 minutes back (the limit is
 * 30), 'absolute' moves the 12-hour end into the past.
 */
export function expireSessions(databasePath: string, username: string, how: 'idle' | 'absolute') {
  const db = new Database(databasePath)
  try {
    db.pragma('busy_timeout = 5000')
    const column = how === 'idle' ? 'last_seen_at' : 'expires_at'
    const past = new Date(Date.now() - 31 * 60_000).toISOString()
    const sql = `update sessions set ${column} = ?
      where user_id = (select id from users where username = ?)`
    const { changes } = db.prepare(sql).run(past, username)
    if (changes === 0) throw new Error(`${username} has no session to expire`)
  } finally {
    db.close()
  }
}

/** Through the admin API: an open survey that only takes respondents with an invitation code. */
export async function openInvitationOnly(baseUrl: string, slug: string, definition: object) {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(ADMIN),
  })
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]
  const send = (method: string, path: string, body: unknown) =>
    fetch(`${baseUrl}/api/admin/surveys${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', Cookie: cookie },
      body: JSON.stringify(body),
    })
  const statuses = [
    login.status,
    (await send('POST', '', { slug, definition })).status,
    (await send('POST', `/${slug}/publish`, {})).status,
    (await send('PUT', `/${slug}/access`, { access: 'invitation' })).status,
  ]
  if (statuses.join() !== '200,201,200,200') throw new Error(`setup refused: ${statuses}`)
}
