import { execFileSync } from 'node:child_process'
import { AGGREGATE_CHILD } from './build.js'
import { SURVEY_SLUG } from './answers.js'
import { REPO_ROOT } from './paths.js'

export interface AggregationResult {
  baselineMs: number
  releaseMs: number
  /** Counting the groups and planning suppression, without claiming the responses. */
  planMs: number
  aggregatesMs: number
  baselineRespondents: number
  releasedRespondents: number | null
  groups: number
  /** Peak RSS after the baseline, after the release, and at the end (after the reads). */
  rssAfterBaselineMb: number
  rssAfterReleaseMb: number
  maxRssMb: number
}

/** Baseline GROUP BY, a release and the aggregates read, in a child process (for its peak RSS). */
export function measureAggregation(databasePath: string, repeats: number): AggregationResult {
  const output = execFileSync(
    process.execPath,
    [AGGREGATE_CHILD, databasePath, SURVEY_SLUG, String(repeats)],
    { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  )
  return JSON.parse(output.trim().split('\n').at(-1) as string) as AggregationResult
}
