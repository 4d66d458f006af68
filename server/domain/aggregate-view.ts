import { medianOf, sampleSdOf } from './distribution-stats.js'
import { PER_OPTION_SEPARATOR } from './quiz-items.js'
import type { CellKey, Dimension, PublishedCell, PublishedTable } from './suppression/index.js'

/** How a question is summarised: counts per value; numbers also get a mean. Free text never. */
export type QuestionKind = 'choice' | 'numeric'

export interface AnswerRow {
  groups: string[]
  question: string
  item: string
  value: string | null
  n: number
  mean: number | null
}

export interface QuestionSummary {
  counts: Record<string, number>
  items?: Record<string, Record<string, number>>
  n?: number
  mean?: number
  /** Numeric questions: from the distribution, so they show nothing it does not. */
  median?: number | null
  sd?: number | null
  distribution?: Record<string, number>
  shareCorrect?: number
}

export interface GroupView {
  key: CellKey
  suppressed: boolean
  n?: number
  knowledgeScore?: number | null
  questions?: Record<string, QuestionSummary>
}

export interface GroupStats {
  answers: AnswerRow[]
  quiz: { groups: string[]; question: string; n: number; correct: number }[]
  scores: { groups: string[]; mean: number | null }[]
}

const groupId = (values: readonly string[]) => JSON.stringify(values)

/** Summaries of one group's answer rows (already counted by SQL). */
export function summarise(
  rows: AnswerRow[],
  quiz: GroupStats['quiz'],
  kinds: ReadonlyMap<string, QuestionKind>,
): Record<string, QuestionSummary> {
  const questions: Record<string, QuestionSummary> = {}
  const sums = new Map<string, { n: number; total: number }>()
  for (const row of rows) {
    const kind = kinds.get(row.question)
    if (!kind || row.value === null) continue
    const summary = (questions[row.question] ??= { counts: {} })
    if (row.item === '' || row.item === row.value) {
      summary.counts[row.value] = (summary.counts[row.value] ?? 0) + row.n
    } else {
      const item = ((summary.items ??= {})[row.item] ??= {})
      item[row.value] = (item[row.value] ?? 0) + row.n
    }
    if (kind === 'numeric' && row.item === '' && row.mean !== null) {
      const sum = sums.get(row.question) ?? { n: 0, total: 0 }
      sums.set(row.question, { n: sum.n + row.n, total: sum.total + row.mean * row.n })
    }
  }
  for (const [question, sum] of sums) {
    const summary = questions[question]
    summary.n = sum.n
    summary.mean = sum.total / sum.n
    summary.distribution = summary.counts
    summary.median = medianOf(summary.counts)
    summary.sd = sampleSdOf(summary.counts)
  }
  // A checkbox scored per option has one item per choice ("indicators.fear_anxiety", see
  // score-quiz.ts): its share is over all its choices; the knowledge figures give each choice.
  const quizTotals = new Map<string, { n: number; correct: number }>()
  for (const item of quiz) {
    const option = item.question.indexOf(PER_OPTION_SEPARATOR)
    const owner = option > 0 ? item.question.slice(0, option) : ''
    const question = !kinds.has(item.question) && kinds.has(owner) ? owner : item.question
    const total = quizTotals.get(question) ?? { n: 0, correct: 0 }
    quizTotals.set(question, { n: total.n + item.n, correct: total.correct + item.correct })
  }
  for (const [question, item] of quizTotals) {
    const summary = (questions[question] ??= { counts: {} })
    summary.shareCorrect = item.n > 0 ? item.correct / item.n : 0
  }
  return questions
}

/**
 * The published groups of one table with their statistics. Suppressed and empty groups carry
 * nothing but their key, so they cannot be told apart.
 */
export function buildGroups(
  table: PublishedTable,
  by: readonly string[],
  stats: GroupStats,
  kinds: ReadonlyMap<string, QuestionKind>,
  /** Groups (JSON of their values in `by` order) with statistics; others show n only (007). */
  withStatistics?: ReadonlySet<string>,
): GroupView[] {
  const answers = new Map<string, AnswerRow[]>()
  for (const row of stats.answers) {
    const id = groupId(row.groups)
    answers.set(id, [...(answers.get(id) ?? []), row])
  }
  const quiz = new Map<string, GroupStats['quiz']>()
  for (const row of stats.quiz)
    quiz.set(groupId(row.groups), [...(quiz.get(groupId(row.groups)) ?? []), row])
  const scores = new Map(stats.scores.map((row) => [groupId(row.groups), row.mean]))

  return table.cells.map((cell: PublishedCell) => {
    const key = Object.fromEntries(by.map((name) => [name, cell.key[name]]))
    if (cell.suppressed) return { key, suppressed: true }
    const id = groupId(by.map((name) => cell.key[name]))
    if (withStatistics && !withStatistics.has(id)) {
      return { key, suppressed: false, n: cell.n, knowledgeScore: null, questions: {} }
    }
    return {
      key,
      suppressed: false,
      n: cell.n,
      knowledgeScore: scores.get(id) ?? null,
      questions: summarise(answers.get(id) ?? [], quiz.get(id) ?? [], kinds),
    }
  })
}

/**
 * A dimension's domain comes from the questionnaire only, never from the data (a listed value
 * would tell that someone has it): its values, plus '' (not answered) when it is optional.
 */
export const domainOf = (dimension: Dimension & { required?: boolean }): Dimension => ({
  name: dimension.name,
  values: dimension.required ? dimension.values : [...dimension.values, ''],
})
