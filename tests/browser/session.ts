import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect } from 'vitest'
import { buildApp, cspViolations, launchChromium, startServer, type RunningServer } from './helpers'

export interface BrowserSessionOptions {
  /** The server's environment, e.g. ADMIN_ENV for a first admin account. */
  env?: Record<string, string>
  /**
   * The file's own preparation (accounts, responses, contexts) once server and browser are up;
   * run in the same hook, so it shares its time limit and a failure skips the file's tests.
   */
  setUp?: () => Promise<void> | void
}

export interface BrowserSession {
  /** The server of this file; throws when read before the file's hooks ran. */
  server: () => RunningServer
  /** The Chromium of this file; contexts it opens feed `cspViolations`. */
  browser: () => Browser
}

/**
 * The hooks every browser test file shares, registered in the calling describe block. Before the
 * tests: build the app if needed, start a server on a fresh database, launch Chromium. After them:
 * assert that no page broke the Content-Security-Policy, then close both.
 */
export function useBrowser(options: BrowserSessionOptions = {}): BrowserSession {
  let server: RunningServer | undefined
  let browser: Browser | undefined

  beforeAll(async () => {
    buildApp()
    server = await startServer(options.env)
    browser = await launchChromium()
    await options.setUp?.()
  }, 120_000)

  afterAll(async () => {
    try {
      expect(cspViolations, 'the page broke the Content-Security-Policy').toEqual([])
    } finally {
      // Also when the check fails: no Chromium or server process outlives the file.
      await browser?.close()
      await server?.stop()
    }
  })

  // Accessors rather than values: the hooks fill these in only after the describe block ran.
  return {
    server: () => server ?? notStarted('server'),
    browser: () => browser ?? notStarted('browser'),
  }
}

function notStarted(what: string): never {
  throw new Error(`The ${what} is not up: read it inside a test or hook, after useBrowser()`)
}
