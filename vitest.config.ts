import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { defineConfig } from 'vitest/config'

// Every test runs on SQLite. Test files that touch the database through tests/helpers.ts (or say
// TEST_ENGINE) run a second time on PostgreSQL when TEST_DATABASE_URL is set.
const usesDatabase = /\b(createTestContext|createAuthTestContext|TEST_ENGINE)\b/

function databaseTestFiles(dir = 'tests'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'browser' ? [] : databaseTestFiles(path)
    return path.endsWith('.test.ts') && usesDatabase.test(readFileSync(path, 'utf8')) ? [path] : []
  })
}

const postgresUrl = process.env.TEST_DATABASE_URL
if (!postgresUrl) {
  console.log('PostgreSQL test runs skipped: TEST_DATABASE_URL is not set (SQLite runs only).')
}

// Pages and child servers answer asynchronously: expect.poll waits up to 10 s (default 1 s).
const shared = {
  testTimeout: 20_000,
  hookTimeout: 60_000,
  expect: { poll: { timeout: 10_000 } },
  // Every response a test receives is held to the OpenAPI document (tests/contract/).
  setupFiles: ['tests/contract/documented-responses.ts'],
}

export default defineConfig({
  test: {
    globalSetup: ['tests/browser/skip-line.ts'],
    // CI (.ci/run) installs everything the tests need: there, a skip is a failure.
    ...(process.env.TEST_NO_SKIPS === '1'
      ? { reporters: ['default', './tests/ci-skip-reporter.ts'] }
      : {}),
    // vitest's default on two cores is one worker; many tests wait on child processes (servers,
    // Chromium, PostgreSQL), so two workers keep both cores busy.
    maxWorkers: 2,
    projects: [
      { test: { ...shared, name: 'sqlite', include: ['tests/**/*.test.ts'] } },
      ...(postgresUrl
        ? [
            {
              test: {
                ...shared,
                name: 'postgres',
                include: databaseTestFiles(),
                env: { TEST_DB_ENGINE: 'postgres' },
              },
            },
          ]
        : []),
    ],
  },
})
