import type { QuestionSummary } from '../../domain/aggregate-view.js'

/** What the aggregates endpoint returns (a release's groups, or live counts before one). */
export interface AggregatesView {
  survey: string
  release: number | null
  minGroupSize: number
  by: string[]
  total: { suppressed?: boolean; n?: number; knowledgeScore?: number | null; questions?: Questions }
  /** A suppressed group has nothing but its key. */
  groups: {
    key: Readonly<Record<string, string>>
    suppressed: boolean
    n?: number
    knowledgeScore?: number | null
    questions?: Questions
  }[]
}

type Questions = Record<string, QuestionSummary>

/** Dimension value of the total's rows: every group together. */
export const ALL_GROUPS = '(all)'

export interface LongRow {
  key: Readonly<Record<string, string>>
  suppressed: boolean
  n: number | null
  knowledgeScore: number | null
  question: string
  item: string
  value: string
  count: number | null
  percent: number | null
  mean: number | null
  median: number | null
  sd: number | null
  shareCorrect: number | null
}

/** Orders questions and their values as the questionnaire does; unknown ones go last. */
export interface LongOrder {
  questions: readonly string[]
  values: ReadonlyMap<string, readonly string[]>
}

const EMPTY: Omit<LongRow, 'key' | 'suppressed' | 'n' | 'knowledgeScore'> = {
  question: '',
  item: '',
  value: '',
  count: null,
  percent: null,
  mean: null,
  median: null,
  sd: null,
  shareCorrect: null,
}

const byRank = (order: readonly string[]) => (a: string, b: string) => {
  const rank = (x: string) => (order.includes(x) ? order.indexOf(x) : order.length)
  return rank(a) - rank(b)
}

// Unrounded: the file rounds once, where it writes (labelled-rows.ts).
const percentOf = (count: number, n: number | null) => (n ? (count / n) * 100 : null)

function questionRows(name: string, summary: QuestionSummary, n: number | null, order?: LongOrder) {
  const stats = {
    question: name,
    mean: summary.mean ?? null,
    median: summary.median ?? null,
    sd: summary.sd ?? null,
    shareCorrect: summary.shareCorrect ?? null,
  }
  const valueOrder = byRank(order?.values.get(name) ?? [])
  const cell = (item: string, value: string, count: number) => ({
    ...EMPTY,
    ...stats,
    item,
    value,
    count,
    percent: percentOf(count, n),
  })
  const rows = Object.keys(summary.counts)
    .sort(valueOrder)
    .map((value) => cell('', value, summary.counts[value]))
  for (const [item, counts] of Object.entries(summary.items ?? {})) {
    for (const value of Object.keys(counts).sort(valueOrder))
      rows.push(cell(item, value, counts[value]))
  }
  return rows.length > 0 ? rows : [{ ...EMPTY, ...stats }]
}

function groupRows(
  key: Readonly<Record<string, string>>,
  group: { n?: number; knowledgeScore?: number | null; questions?: Questions },
  order?: LongOrder,
): LongRow[] {
  const head = {
    key,
    suppressed: false,
    n: group.n ?? null,
    knowledgeScore: group.knowledgeScore ?? null,
  }
  const questions = group.questions ?? {}
  const names = Object.keys(questions).sort(byRank(order?.questions ?? []))
  const rows = names.flatMap((name) => questionRows(name, questions[name], head.n, order))
  return rows.length > 0 ? rows.map((row) => ({ ...head, ...row })) : [{ ...head, ...EMPTY }]
}

/**
 * The aggregates as a tidy long table: one row per group x question x item x value, the total
 * first (its dimension columns read "(all)"). A suppressed group is one row with its key, marked
 * suppressed, and no figures. Built only from what the aggregates show, so it never shows more.
 */
export function toLongRows(view: AggregatesView, order?: LongOrder): LongRow[] {
  const totalKey = Object.fromEntries(view.by.map((name) => [name, ALL_GROUPS]))
  const suppressedRow = (key: Readonly<Record<string, string>>): LongRow => ({
    key,
    suppressed: true,
    n: null,
    knowledgeScore: null,
    ...EMPTY,
  })
  const rows = view.total.suppressed
    ? [suppressedRow(totalKey)]
    : groupRows(totalKey, view.total, order)
  for (const group of view.groups) {
    rows.push(
      ...(group.suppressed ? [suppressedRow(group.key)] : groupRows(group.key, group, order)),
    )
  }
  return rows
}
