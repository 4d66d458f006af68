import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { REPO_ROOT } from './paths.js'

export interface Child {
  baseUrl: string
  child: ChildProcess
  output: () => string
  /** Milliseconds from spawn to the first 200 from the ready URL. */
  readyMs: number
  stop: () => Promise<void>
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      )
    })
  })
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve()
    else child.once('exit', () => resolve())
  })

/**
 * Spawns `node <script>` listening on a free loopback port and polls `readyPath` every few
 * milliseconds until it answers 200 (the poll interval bounds the cold-start resolution).
 */
export async function startNode(
  script: string,
  env: Record<string, string>,
  readyPath: string,
): Promise<Child> {
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
  const deadline = Date.now() + 60_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} exited (${child.exitCode}):\n${output}`)
    try {
      const res = await fetch(baseUrl + readyPath)
      await res.arrayBuffer()
      if (res.status === 200) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`${script} did not answer ${readyPath} within 60 s:\n${output}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  const readyMs = performance.now() - started
  return { baseUrl, child, output: () => output, readyMs, stop }
}
