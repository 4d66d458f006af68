import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

// Runs the real built server as a child process: for browser tests and process-level tests.
export const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url))
export const SURVEY_SLUG = 'counter-trafficking'

export interface RunningServer {
  baseUrl: string
  databasePath: string
  child: ChildProcess
  /** What the server printed, for failure messages. */
  output: () => string
  stop: () => Promise<void>
}

function npm(script: string): void {
  execFileSync('npm', ['run', '--silent', script], { cwd: REPO_ROOT, stdio: 'inherit' })
}

/**
 * `npm test` builds client and server first (pretest). When a single file is run on its own, the
 * missing parts are built here; never rebuilt per file, since test files run in parallel.
 */
export function buildApp(): void {
  if (!existsSync(join(REPO_ROOT, 'dist', 'client', 'respondent', 'index.html'))) {
    npm('build:client')
  }
  if (!existsSync(join(REPO_ROOT, 'dist', 'server', 'index.js'))) npm('build:server')
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      )
    })
  })
}

export function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve()
    else child.once('exit', () => resolve())
  })
}

/** Starts `node dist/server/index.js` on a free port with a fresh database in a temp dir. */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'survey-browser-test-'))
  return launch(join(dataDir, 'survey.db'), env, () =>
    rmSync(dataDir, { recursive: true, force: true }),
  )
}

/**
 * Starts the server on a database file the caller owns (e.g. again after a crash, or on a
 * restored backup); `stop()` leaves the file in place.
 */
export function startServerAt(
  databasePath: string,
  env: Record<string, string> = {},
): Promise<RunningServer> {
  return launch(databasePath, env, () => {})
}

async function launch(
  databasePath: string,
  env: Record<string, string>,
  cleanUp: () => void,
): Promise<RunningServer> {
  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`

  const child = spawn(process.execPath, ['dist/server/index.js'], {
    cwd: REPO_ROOT,
    // Many test submissions come from 127.0.0.1: the per-address limit would refuse them.
    env: {
      ...process.env,
      SUBMISSION_RATE_LIMIT: '100000',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databasePath,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk) => (output += chunk))
  child.stderr?.on('data', (chunk) => (output += chunk))

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM')
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000)
      await exited(child)
      clearTimeout(killer)
    }
    cleanUp()
  }

  const deadline = Date.now() + 30_000
  for (;;) {
    if (child.exitCode !== null) {
      await stop()
      throw new Error(`Server exited with code ${child.exitCode}:\n${output}`)
    }
    try {
      const res = await fetch(`${baseUrl}/api/surveys/${SURVEY_SLUG}`)
      if (res.status === 200) break
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`Server did not serve the survey within 30 s:\n${output}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 150))
  }
  return { baseUrl, databasePath, child, output: () => output, stop }
}
