import { fmt, ratio, type Section } from './report.js'

/** Figures from one bench run that bound the submission rate of any design on this machine. */
export interface CeilingInput {
  connections: number
  bareRequestsPerSecond: number
  serverRequestsPerSecond: number
  /** ms: one durable write transaction of one tiny row, then the WAL checkpoint (wal-hygiene). */
  emptyCommit: number
  /** ms: the same commit on a connection without the checkpoint. */
  emptyCommitNoCheckpoint: number
  /** ms per response: validation, flattening and scoring, which every 201 needs first. */
  prepare: number
}

export interface Ceiling {
  name: string
  requestsPerSecond: number
}

/**
 * Upper bounds, each holding whatever else a design changes:
 * - A connection sends its next request only after its 201, and a 201 follows the commit that
 *   stored it, so one commit acknowledges at most one response per connection; SQLite commits one
 *   at a time, and none takes less than the tiny one.
 * - Preparing a response runs on the thread that answers the request.
 */
export function submissionCeilings(input: CeilingInput): Ceiling[] {
  const perSecond = (ms: number) => 1000 / ms
  return [
    {
      name:
        `durable commits, ${input.connections} connections, WAL checkpoint after each ` +
        '(each write its own log window)',
      requestsPerSecond: input.connections * perSecond(input.emptyCommit),
    },
    {
      name: `the same without the checkpoint (the log keeps responses' order until checkpointed)`,
      requestsPerSecond: input.connections * perSecond(input.emptyCommitNoCheckpoint),
    },
    {
      name: 'preparing answers alone (validation, flattening, scoring), one thread',
      requestsPerSecond: perSecond(input.prepare),
    },
  ]
}

export function ceilingsSection(input: CeilingInput): Section {
  const row = (name: string, requestsPerSecond: number) => [
    name,
    fmt(requestsPerSecond, 0),
    fmt(ratio(requestsPerSecond, input.bareRequestsPerSecond), 3),
  ]
  const [commits] = submissionCeilings(input)
  const reach = ratio(commits.requestsPerSecond, input.bareRequestsPerSecond) < 0.5 ? 'above' : 'below'
  return {
    title: '1h. Ceilings: the most any design could reach here',
    rows: [
      ['bound', 'requests/s', 'ratio to bare'],
      ...submissionCeilings(input).map((c) => row(c.name, c.requestsPerSecond)),
      row('the server as measured (row 2 of section 1)', input.serverRequestsPerSecond),
    ],
    notes: [
      'Computed from figures of this run (section 1b). A commit acknowledges at most one ' +
        'response per connection, because each connection waits for its 201; so the first two ' +
        'rows bound every design that answers 201 only once the response is durable, even one ' +
        'that stores a single tiny row. The third bounds one thread that validates before it ' +
        `answers. The 0.5x target lies ${reach} the first row.`,
    ],
  }
}
