import { SURVEY_SLUG } from './answers.js'
import { startNode } from './processes.js'

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

/**
 * Spawn → first 200 from GET /api/surveys/:slug, on an existing database (the first start, which
 * creates the admin account with a deliberately slow password hash, is not timed). Median of runs.
 */
export async function measureColdStart(
  script: string,
  env: Record<string, string>,
  runs: number,
): Promise<number> {
  const times: number[] = []
  for (let i = 0; i <= runs; i++) {
    const server = await startNode(script, env, `/api/surveys/${SURVEY_SLUG}`)
    await server.stop()
    if (i > 0) times.push(server.readyMs)
  }
  return median(times)
}
