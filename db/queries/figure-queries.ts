import type { GroupRow } from './aggregates.js'

/**
 * SQL for the three figures: a count, a mean and a number of correct quiz items. A function
 * when they depend on the grouping (a release's stored rows are summed only for a level).
 */
export interface FigureColumns {
  n: string
  mean: string
  correct: string
}

/** The figures summed over rows of finer groups (running counts, or stored rows to a level). */
export const SUMMED_FIGURES: FigureColumns = {
  n: 'coalesce(sum(n), 0)',
  mean: 'case when sum(numbers) > 0 then sum(number_sum) / sum(numbers) end',
  correct: 'sum(number_sum)',
}

/**
 * Reads rows of one kind ('response', 'answer', 'quiz') grouped by `groupBy` (as g0, g1, ...)
 * and by `keys`; `columns` is the SQL select list after the group values.
 */
export type ReadFigures = <Row>(
  groupBy: readonly string[],
  kind: string,
  columns: string,
  keys: string[],
) => Promise<Row[]>

/**
 * The four aggregate queries over stored figures (running counts or a release's tables), with
 * the row shapes the answer-row queries in aggregates.ts return.
 */
export function figureQueries(
  read: ReadFigures,
  figuresFor: FigureColumns | ((groupBy: readonly string[]) => FigureColumns),
) {
  const of = (groupBy: readonly string[]) =>
    typeof figuresFor === 'function' ? figuresFor(groupBy) : figuresFor
  return {
    async countGroups(groupBy: readonly string[]) {
      const figures = of(groupBy)
      const columns = `${figures.n} as n`
      const rows = await read<GroupRow & { n: number }>(groupBy, 'response', columns, [])
      return rows.map((row) => ({ ...row, n: Number(row.n) }))
    },
    async countAnswers(groupBy: readonly string[]) {
      const figures = of(groupBy)
      type Row = GroupRow & { question: string; item: string; value: string | null }
      const columns = `question, item, value, ${figures.n} as n, ${figures.mean} as mean`
      const keys = ['question', 'item', 'value']
      type Figures = { n: number; mean: number | null }
      const rows = await read<Row & Figures>(groupBy, 'answer', columns, keys)
      return rows.map((row) => ({ ...row, n: Number(row.n) }))
    },
    async quizShares(groupBy: readonly string[]) {
      const figures = of(groupBy)
      type Row = GroupRow & { question: string; n: number; correct: number }
      const columns = `question, ${figures.n} as n, ${figures.correct} as correct`
      const rows = await read<Row>(groupBy, 'quiz', columns, ['question'])
      return rows.map((row) => ({ ...row, n: Number(row.n), correct: Number(row.correct) }))
    },
    knowledgeScores(groupBy: readonly string[]) {
      const columns = `${of(groupBy).mean} as mean`
      return read<GroupRow & { mean: number | null }>(groupBy, 'response', columns, [])
    },
  }
}
