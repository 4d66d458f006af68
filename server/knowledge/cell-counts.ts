/**
 * SQL's counts per full combination summed into the cells of a release's tables, and the check
 * that they equal what the respondents read give (compute.ts).
 */
import type { KnowledgeCounts, KnowledgeRespondent } from './types.js'

export type CellCounts = {
  scores: Map<number | null, number>[][]
  items: Map<string, { n: number; correct: number }>[][]
  ratings: Map<string | null, number>[][]
}

/** The cell of each table a full combination (raw dimension values) falls in; null: none. */
export type Placer = (raw: readonly string[]) => readonly (number | undefined)[] | null

const add = <K>(map: Map<K, number>, key: K, n: number) => map.set(key, (map.get(key) ?? 0) + n)

/** SQL's counts per full combination, summed into every cell of every table. */
export function sumCounts(
  counts: KnowledgeCounts,
  cellsPerTable: readonly number[],
  place: Placer,
): CellCounts {
  const fresh = <T>() =>
    cellsPerTable.map((n) => Array.from({ length: n }, () => new Map<T, never>()))
  const scores = fresh() as CellCounts['scores']
  const items = fresh() as CellCounts['items']
  const ratings = fresh() as CellCounts['ratings']
  const each = (raw: string[], addTo: (t: number, c: number) => void) =>
    place(raw)?.forEach((c, t) => c !== undefined && addTo(t, c))
  for (const row of counts.scores) each(row.dims, (t, c) => add(scores[t][c], row.score, row.n))
  for (const row of counts.items) {
    each(row.dims, (t, c) => {
      const was = items[t][c].get(row.question)
      if (was) {
        was.n += row.n
        was.correct += row.correct
      } else items[t][c].set(row.question, { n: row.n, correct: row.correct })
    })
  }
  for (const row of counts.ratings) each(row.dims, (t, c) => add(ratings[t][c], row.value, row.n))
  return { scores, items, ratings }
}

const sameMap = <K>(a: Map<K, number>, b: Map<K, number>) =>
  a.size === b.size && [...a].every(([key, n]) => b.has(key) && b.get(key) === n)

/**
 * The counts SQL gave equal those of the respondents read, cell by cell; `members` are indexes
 * into `respondents`, `scores` each respondent's score (null: shown no item).
 */
export function countsAgree(
  counts: CellCounts,
  members: readonly (readonly number[])[][],
  respondents: readonly KnowledgeRespondent[],
  scores: readonly (number | null)[],
  items: readonly string[],
  withRating: boolean,
): { table: number; cell: number } | null {
  for (let t = 0; t < members.length; t++) {
    for (let c = 0; c < members[t].length; c++) {
      const byScore = new Map<number | null, number>()
      const ratings = new Map<string | null, number>()
      const shown = new Array<number>(items.length).fill(0)
      const correct = new Array<number>(items.length).fill(0)
      for (const m of members[t][c]) {
        add(byScore, scores[m], 1)
        const answered = respondents[m].items
        for (let i = 0; i < items.length; i++) {
          if (answered[i] === null) continue
          shown[i]++
          correct[i] += answered[i]!
        }
        if (withRating) add(ratings, respondents[m].rating, 1)
      }
      const sqlItems = counts.items[t][c]
      const itemsAgree =
        sqlItems.size === shown.filter((n) => n > 0).length &&
        items.every((name, i) => {
          const counted = sqlItems.get(name)
          return shown[i] === 0
            ? counted === undefined
            : counted?.n === shown[i] && counted.correct === correct[i]
        })
      if (
        !itemsAgree ||
        !sameMap(byScore, counts.scores[t][c]) ||
        !sameMap(ratings, counts.ratings[t][c])
      ) {
        return { table: t, cell: c }
      }
    }
  }
  return null
}
