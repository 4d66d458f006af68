/**
 * Decision 007 in numbers: the disclosure audit's time at the 5th release (100,000 and
 * 1,000,000 responses of the bundled survey's 10 x 23 x 8 dimensions, five equal batches), and
 * what the protection costs in usefulness at 242 and 2,000 realistic skewed responses, against
 * decision 003's plan (every two-way table, statistics on every shown group, k-anonymised file).
 */
import { anonymiseResponses } from '../../server/domain/anonymise-responses.js'
import { domainOf } from '../../server/domain/aggregate-view.js'
import { readDimensions } from '../../server/domain/dimensions.js'
import { planResponseFile } from '../../server/exports/formats/consistent-file.js'
import {
  checkRelease,
  planSuppression,
  type CountRow,
  type Dimension,
  type Publication,
} from '../../server/domain/suppression/index.js'
import { atomsFromReleases, figuresOf } from '../../server/domain/suppression/figures.js'
import { planRelease } from '../../server/domain/suppression/plan-release.js'
import { loadSolver } from '../../server/domain/suppression/solver.js'
import { spanAudit } from '../../server/domain/suppression/span-audit.js'
import { cellId, cellsWithStatistics } from '../../server/domain/suppression/statistics.js'
import { bundledDefinition } from './answers.js'
import { fmt, type Section, type Target } from './report.js'

const RELEASES = 5

export const bundledDimensions = (): Dimension[] =>
  readDimensions(bundledDefinition()).dimensions.map(domainOf)

/** Skewed respondents (a few big sectors and regions, a long tail), deterministic. */
export function skewed(dimensions: readonly Dimension[], seed: number, count: number): CountRow[] {
  let state = seed
  const next = () => (state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648
  const cells = new Map<string, number>()
  for (let i = 0; i < count; i++) {
    const id = dimensions.map((d) => d.values[Math.floor(next() ** 2 * d.values.length)]).join('|')
    cells.set(id, (cells.get(id) ?? 0) + 1)
  }
  return [...cells].map(([id, n]) => {
    const values = id.split('|')
    return { key: Object.fromEntries(dimensions.map((d, i) => [d.name, values[i]])), n }
  })
}

const add = (a: readonly CountRow[], b: readonly CountRow[]) => {
  const cells = new Map<string, CountRow>()
  for (const row of [...a, ...b]) {
    const id = JSON.stringify(row.key)
    cells.set(id, { key: row.key, n: (cells.get(id)?.n ?? 0) + row.n })
  }
  return [...cells.values()]
}

export interface AuditTiming {
  size: number
  /** The 5th release: plan, span audit rounds and the interval check, as makeRelease does. */
  fifthMs: number
  spanMs: number
  rounds: number
  allMs: number
  rssMb: number
  ok: boolean
}

export async function measureAudit(size: number): Promise<AuditTiming> {
  const highs = await loadSolver()
  const dimensions = bundledDimensions()
  const cumulative: CountRow[][] = []
  let rows: CountRow[] = []
  for (let r = 0; r < RELEASES; r++) {
    rows = add(rows, skewed(dimensions, size + r, size / RELEASES))
    cumulative.push(rows)
  }
  const previous: Publication[] = []
  const started = performance.now()
  let fifthMs = 0
  let rounds = 0
  let ok = true
  for (let r = 0; r < RELEASES; r++) {
    const t = performance.now()
    const input = { minGroupSize: 5, dimensions, cumulative: cumulative.slice(0, r + 1) }
    const planned = planRelease(highs, input, previous)
    if (!planned.ok) {
      ok = false
      break
    }
    ok &&= checkRelease(previous, planned.publication).ok
    previous.push(planned.publication)
    fifthMs = performance.now() - t
    rounds = planned.rounds
  }
  const allMs = performance.now() - started
  const t = performance.now()
  spanAudit(highs, { k: 5, atoms: atomsFromReleases(cumulative), figures: figuresOf(previous) })
  const spanMs = performance.now() - t
  const rssMb = process.memoryUsage().rss / 2 ** 20
  return { size, fifthMs, spanMs, rounds, allMs, rssMb, ok }
}

export interface Usefulness {
  size: number
  rows: (string | number)[][]
}

const pct = (part: number, whole: number) =>
  whole === 0 ? '-' : `${fmt((100 * part) / whole, 0)}%`

/** Share of groups with respondents hidden, by kind of table, before (003) and after (007). */
export async function measureUsefulness(size: number): Promise<Usefulness> {
  const highs = await loadSolver()
  const dimensions = bundledDimensions()
  const counts = skewed(dimensions, 42, size)
  const before = planSuppression({ minGroupSize: 5, dimensions, counts })
  const planned = planRelease(highs, { minGroupSize: 5, dimensions, cumulative: [counts] }, [])
  if (!planned.ok) throw new Error(`the release of ${size} was refused`)
  const after = planned.publication
  const nonEmpty = (by: readonly string[], key: Record<string, string>) =>
    counts.some((row) => by.every((d) => row.key[d] === key[d]))
  const kinds = [
    ['one-way tables', (by: readonly string[]) => by.length === 1],
    ['sector x region', (by: readonly string[]) => by.join() === 'sector,region'],
    ['sector x profession', (by: readonly string[]) => by.join() === 'sector,profession'],
    ['region x profession', (by: readonly string[]) => by.join() === 'region,profession'],
  ] as const
  const tally = (
    publication: Publication,
    test: (by: readonly string[]) => boolean,
    stats: boolean,
  ) => {
    let groups = 0
    let hidden = 0
    let withStatistics = 0
    for (const table of publication.tables.filter((t) => test(t.by))) {
      const chain = stats ? cellsWithStatistics([publication], 1, table.by) : undefined
      for (const cell of table.cells) {
        if (!nonEmpty(table.by, cell.key)) continue
        groups++
        if (cell.suppressed) hidden++
        else if (!chain || chain.has(cellId(table.by, cell.key))) withStatistics++
      }
    }
    return { groups, hidden, withStatistics }
  }
  const rows: (string | number)[][] = []
  for (const [label, test] of kinds) {
    const b = tally(before, test, false)
    const a = tally(after, test, true)
    rows.push([
      size,
      label,
      b.groups,
      pct(b.hidden, b.groups),
      pct(a.hidden, a.groups),
      pct(b.groups - b.withStatistics, b.groups),
      pct(a.groups - a.withStatistics, a.groups),
    ])
  }
  // The response-level file: 004's k-anonymised rows, against 007's consistent file.
  const records = counts.flatMap((row) =>
    Array.from({ length: row.n }, () => ({
      month: '2026-11',
      dimensions: dimensions.map((d) => row.key[d.name]),
      cells: [],
    })),
  )
  const old = anonymiseResponses(records, {
    minGroupSize: 5,
    dimensions: dimensions.map((d) => d.name),
    random: Math.random,
  })
  const file = planResponseFile([after], atomsFromReleases([counts]), 5)
  const generalised = Object.values(old.report.generalised).reduce((a, b) => Math.max(a, b), 0)
  rows.push([
    size,
    'response-level file',
    size,
    `${pct(old.report.dropped, size)} rows dropped, ${pct(generalised, size)} generalised`,
    file.ok ? 'available' : 'refused (a class below k)',
    '-',
    '-',
  ])
  return { size, rows }
}

export async function disclosure(
  sizes: number[],
  result: { sections: Section[]; targets: Target[] },
  log: (m: string) => void,
) {
  const timings: AuditTiming[] = []
  for (const size of sizes) {
    log(`disclosure audit: ${size} responses, ${RELEASES} releases`)
    timings.push(await measureAudit(size))
  }
  result.sections.push({
    title: '5. Disclosure audit (decision 007)',
    rows: [
      [
        'responses',
        '5th release: plan + HiGHS span audit + interval check ms',
        'audit rounds',
        'span audit alone ms',
        'all 5 releases ms',
        'RSS MB',
        'all released',
      ],
      ...timings.map((t) => [
        fmt(t.size, 0),
        fmt(t.fifthMs, 0),
        t.rounds,
        fmt(t.spanMs, 0),
        fmt(t.allMs, 0),
        fmt(t.rssMb, 0),
        t.ok ? 'yes' : '**no**',
      ]),
    ],
    notes: [
      "The bundled survey's dimensions (10 sectors x 23 regions x 8 professions), skewed " +
        'respondents in five equal batches, one release each, planned as makeRelease does ' +
        '(planRelease, then checkRelease), in the bench process. The counting SQL is in section 2 ' +
        '("make a release"); the audit depends on the counts per combination, not on the responses.',
    ],
  })
  for (const t of timings) {
    result.targets.push({
      name: `disclosure audit at the 5th release, ${fmt(t.size, 0)} responses < 60 s`,
      value: `${fmt(t.fifthMs / 1000, 2)} s`,
      met: t.ok && t.fifthMs < 60_000,
    })
  }
  const useful = [await measureUsefulness(242), await measureUsefulness(2000)]
  result.sections.push({
    title: '5b. What the protection costs (decision 007)',
    rows: [
      [
        'responses',
        'tables',
        'groups with respondents',
        'hidden before (003)',
        'hidden after (007)',
        'shown without statistics before',
        'shown without statistics after',
      ],
      ...useful.flatMap((u) => u.rows),
    ],
    notes: [
      "One release of realistic skewed responses (the bundled survey's 10 x 23 x 8 dimensions). " +
        '"Hidden" counts groups with respondents that read suppressed; "without statistics": ' +
        'groups with respondents that are hidden or shown with their n only. The total is shown ' +
        'with statistics in both.',
    ],
  })
}
