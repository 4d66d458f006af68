import { execFileSync } from 'node:child_process'
import autocannon from 'autocannon'
import { SURVEY_SLUG } from './answers.js'
import { startNode, type Child } from './processes.js'

export interface LoadResult {
  label: string
  requestsPerSecond: number
  p50: number
  p99: number
  /** Connection errors, timeouts and non-2xx responses together. */
  errors: number
  /** 2xx answers, warm-up included (compared with the stored rows). */
  acknowledged: number
}

export interface LoadOptions {
  seconds: number
  warmupSeconds: number
  connections: number
  /** Requests per second across all connections; unset: as fast as the server answers. */
  rate?: number
}

const path = `/api/surveys/${SURVEY_SLUG}/responses`

function run(url: string, bodies: string[], seconds: number, connections: number, rate?: number) {
  let next = 0
  return autocannon({
    url,
    connections,
    duration: seconds,
    ...(rate === undefined ? {} : { overallRate: rate }),
    // A slow answer is measured as latency; only a server that stops answering is an error.
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path,
        headers: { 'content-type': 'application/json' },
        // A different valid response each time, cycling through the prepared ones.
        setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }),
      },
    ],
  })
}

/** A warm-up (JIT, caches) and then the measured run against an already started server. */
export async function measureLoad(
  label: string,
  server: Child,
  bodies: string[],
  options: LoadOptions,
): Promise<LoadResult> {
  const { seconds, warmupSeconds, connections, rate } = options
  const warm = await run(server.baseUrl, bodies, warmupSeconds, connections, rate)
  const result = await run(server.baseUrl, bodies, seconds, connections, rate)
  return {
    label,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    acknowledged: warm['2xx'] + result['2xx'],
  }
}

export const startForLoad = (script: string, env: Record<string, string>) =>
  startNode(script, env, `/api/surveys/${SURVEY_SLUG}`)

/** Pins every thread of a started server to the first CPU (Linux taskset). */
export function pinToOneCore(server: Child): void {
  execFileSync('taskset', ['--all-tasks', '--cpu-list', '--pid', '0', String(server.child.pid)], {
    stdio: 'ignore',
  })
}
