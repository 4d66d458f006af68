import { startNode as startNodeProcess, type NodeProcess } from '../server-process.js'

export type Child = NodeProcess

/**
 * Spawns `node <script>` on a free loopback port, polling `readyPath` every 5 ms: the poll
 * interval bounds the cold-start resolution.
 */
export function startNode(script: string, env: Record<string, string>, readyPath: string) {
  return startNodeProcess(script, env, { readyPath, pollMs: 5, timeoutMs: 60_000 })
}
