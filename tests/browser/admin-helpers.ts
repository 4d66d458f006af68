import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
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

/** A small trilingual questionnaire with a grouping dimension, written where a browser can upload it. */
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
