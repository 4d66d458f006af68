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
  // The server and the entry of its response writer thread (server/sqlite-writer-worker.ts).
  const entries = ['index.js', 'sqlite-writer-worker.js']
  if (!entries.every((file) => existsSync(join(REPO_ROOT, 'dist', 'server', file)))) {
    npm('build:server')
  }
}

export function freePort(): Promise<number> {
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
  // Many test submissions come from 127.0.0.1: the per-address limit would refuse them.
  const defaults = { SUBMISSION_RATE_LIMIT: '100000', DATABASE_URL: databasePath }
  try {
    const node = await startNode('dist/server/index.js', { ...defaults, ...env }, {
      readyPath: `/api/surveys/${SURVEY_SLUG}`,
      pollMs: 150,
      timeoutMs: 30_000,
    })
    const stop = async () => {
      await node.stop()
      cleanUp()
    }
    return { baseUrl: node.baseUrl, databasePath, child: node.child, output: node.output, stop }
  } catch (error) {
    cleanUp()
    throw error
  }
}

export interface NodeProcess {
  baseUrl: string
  child: ChildProcess
  output: () => string
  /** Milliseconds from spawn to the first 200 from the ready URL. */
  readyMs: number
  stop: () => Promise<void>
}

/**
 * Spawns `node <script>` on a free loopback port and polls `readyPath` until it answers 200; the
 * poll interval bounds how precisely the start-up time is known (the benchmark polls often).
 */
export async function startNode(
  script: string,
  env: Record<string, string>,
  ready: { readyPath: string; pollMs: number; timeoutMs: number },
): Promise<NodeProcess> {
  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  const started = performance.now()
  const child = spawn(process.execPath, [script], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...env },
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
  }

  const deadline = Date.now() + ready.timeoutMs
  for (;;) {
    if (child.exitCode !== null) {
      await stop()
      throw new Error(`${script} exited with code ${child.exitCode}:\n${output}`)
    }
    try {
      const res = await fetch(baseUrl + ready.readyPath)
      await res.arrayBuffer()
      if (res.status === 200) break
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`${script} did not answer ${ready.readyPath} in ${ready.timeoutMs} ms:\n${output}`)
    }
    await new Promise((resolve) => setTimeout(resolve, ready.pollMs))
  }
  const readyMs = performance.now() - started
  return { baseUrl, child, output: () => output, readyMs, stop }
}
