/**
 * The knowledge figures of every table of a release, from released respondents (statistics) and
 * SQL counts (published counts), which must agree. Pure: no database, no HTTP.
 */
import type { Dimension, PublishedTable } from '../domain/suppression/index.js'
import { binLabel, cellId, planInnerCounts, scoreBins } from './inner-suppression.js'
import { cronbachAlpha, pearson, spearman, tInterval, twoProportions, wilson } from './stats.js'
import type {
  CellFigures,
  CellView,
  ItemView,
  KnowledgeInput,
  KnowledgeRelease,
  KnowledgeRespondent,
  PublishedKnowledgeFigure,
} from './types.js'

/** Below these, KR-20 is too unstable to report. */
export const RELIABILITY_MIN_RESPONDENTS = 30
export const RELIABILITY_MIN_ITEMS = 3

/** Thrown when the respondents read and the counts or the release's groups disagree. */
export class KnowledgeMismatch extends Error {}

/**
 * A respondent's group values as the release counted them, from the raw values of the real
 * dimensions (`raw`, in publication order): a value outside the questionnaire's list is '' (not
 * answered) when that is a value, else the respondent is in no table (server/results/releases.ts
 * publicationFor); statistics never cover anyone the n leaves out. A level's value is the group
 * of its dimension's value, as the release grouped it ('' unanswered stays '').
 */
export function levelMapper(dimensions: readonly Dimension[]) {
  const real = dimensions.filter((d) => !d.level)
  const groupOf = dimensions.map((d) => {
    if (!d.level) return null
    const of = real.findIndex((r) => r.name === d.level!.of)
    const groups = new Map<string, string>()
    for (const [group, members] of Object.entries(d.level.groups))
      for (const member of members) groups.set(member, group)
    return { of, groups }
  })
  return (raw: readonly string[]) => {
    const values = real.map((d, i) => (d.values.includes(raw[i]) ? raw[i] : ''))
    if (!values.every((v, i) => real[i].values.includes(v))) return null
    let r = 0
    return groupOf.map((level) => {
      if (!level) return values[r++]
      const group = level.groups.get(values[level.of])
      // The planner refuses a level that leaves a value out (suppression/tables.ts).
      if (group === undefined) throw new KnowledgeMismatch(`no group for ${values[level.of]}`)
      return group
    })
  }
}

const scoreOf = (r: KnowledgeRespondent) =>
  r.items.some((x) => x !== null) ? r.items.reduce<number>((s, x) => s + (x ?? 0), 0) : null

export function computeKnowledge(input: KnowledgeInput): KnowledgeRelease {
  const { publication, items, rating, baseline } = input
  const dims = publication.dimensions
  const names = dims.map((d) => d.name)
  const k = publication.minGroupSize
  const tables = publication.tables
  const keyOf = (values: readonly string[]) =>
    Object.fromEntries(names.map((n, i) => [n, values[i]]))
  const cellIndex = tables.map((t) => new Map(t.cells.map((c, i) => [cellId(t.by, c.key), i])))
  /** The cell of each table a full combination falls in. */
  const cellsOf = (values: readonly string[]) => {
    const key = keyOf(values)
    return tables.map((t, ti) => cellIndex[ti].get(cellId(t.by, key)))
  }
  const empty = <T>(make: () => T) => tables.map((t) => t.cells.map(make))
  const statistics = tables.map((t) => input.withStatistics?.(t.by))
  const nOnly = tables.map((t, ti) =>
    t.cells.map(
      (cell) =>
        !cell.suppressed && !!statistics[ti] && !statistics[ti]!.has(cellId(t.by, cell.key)),
    ),
  )

  // Respondents per cell.
  const mapDims = levelMapper(dims)
  const members = empty<KnowledgeRespondent[]>(() => [])
  for (const respondent of input.respondents) {
    const values = mapDims(respondent.dims)
    if (!values) continue
    cellsOf(values).forEach((c, t) => c !== undefined && members[t][c].push(respondent))
  }
  tables.forEach((table, t) =>
    table.cells.forEach((cell, c) => {
      if (!cell.suppressed && cell.n !== members[t][c].length) {
        throw new KnowledgeMismatch(
          `cell ${cellId(table.by, cell.key)}: ${cell.n} ≠ ${members[t][c].length}`,
        )
      }
    }),
  )

  // Published counts come from SQL; they must be what the respondents read give.
  const sqlCounts = sumCounts(input, tables, cellsOf, mapDims)
  checkCounts(sqlCounts, members, items, rating?.question !== undefined)

  const max = items.length
  const total = tables.findIndex((t) => t.by.length === 0)
  const totalByScore = Array.from(
    { length: max + 1 },
    (_, s) => sqlCounts.scores[total][0].get(s) ?? 0,
  )
  const bins = scoreBins(totalByScore, k)
  const binOf = (score: number) => bins.findIndex(([lo, hi]) => score >= lo && score <= hi)
  const binCounts = tables.map((t, ti) =>
    t.cells.map((_, c) => {
      const row = new Array<number>(bins.length + 1).fill(0)
      for (const [score, n] of sqlCounts.scores[ti][c])
        row[score === null ? bins.length : binOf(score)] += n
      return row
    }),
  )
  const binPattern = planInnerCounts(publication, binCounts, bins.length, nOnly)
  const ratingValues = rating?.values ?? []
  const ratingCounts = tables.map((t, ti) =>
    t.cells.map((_, c) => {
      const row = new Array<number>(ratingValues.length + 1).fill(0)
      for (const [value, n] of sqlCounts.ratings[ti][c]) {
        const i = value === null ? -1 : ratingValues.indexOf(value)
        row[i < 0 ? ratingValues.length : i] += n
      }
      return row
    }),
  )
  const ratingPattern = rating
    ? planInnerCounts(publication, ratingCounts, ratingValues.length)
    : []

  const figures: PublishedKnowledgeFigure[] = []
  const scores: number[][][] = empty<number[]>(() => [])
  const views = tables.map((table, t) => ({
    by: table.by,
    cells: table.cells.map((cell, c): CellView => {
      if (cell.suppressed) return { key: cell.key, suppressed: true }
      const group = members[t][c]
      const publish = (f: Omit<PublishedKnowledgeFigure, 'by' | 'key'>) =>
        figures.push({ by: table.by, key: cell.key, ...f })
      publish({ figure: 'respondents', kind: 'count', value: cell.n, over: cell.n })
      if (nOnly[t][c]) return { key: cell.key, suppressed: false, n: cell.n }
      const scored = group.flatMap((r) => (scoreOf(r) === null ? [] : [scoreOf(r)!]))
      scores[t][c] = scored

      let score: CellFigures['score'] = null
      if (scored.length > 0) {
        const { mean, sd, ci } = tInterval(scored)
        const distribution: Record<string, number> = {}
        bins.forEach((bin, b) => {
          const n = binCounts[t][c][b]
          if (!binPattern[t][c][b] || n === 0) return
          distribution[binLabel(bin)] = n
          publish({
            figure: 'score-bin',
            category: binLabel(bin),
            kind: 'count',
            value: n,
            over: n,
          })
        })
        const sum = scored.reduce((a, b) => a + b, 0)
        publish({ figure: 'score-sum', kind: 'sum', value: sum, over: scored.length })
        score = { mean, sd, ci, max, distribution }
      }

      const itemViews = items.map((name, i): ItemView => {
        const { n, correct } = sqlCounts.items[t][c].get(name) ?? { n: 0, correct: 0 }
        publish({ figure: 'item-shown', question: name, kind: 'count', value: n, over: n })
        publish({
          figure: 'item-correct',
          question: name,
          kind: 'count',
          value: correct,
          over: correct,
        })
        const shown = group.filter((r) => r.items[i] !== null)
        const item = shown.map((r) => r.items[i]!)
        const rest = shown.map((r) => scoreOf(r)! - r.items[i]!)
        const view: ItemView = {
          name,
          n,
          correct,
          share: n > 0 ? correct / n : null,
          ci: n > 0 ? wilson(correct, n) : null,
          discrimination: shown.length > 1 ? pearson(item, rest) : null,
        }
        const reference = baseline?.items[name]
        if (reference && n > 0) {
          const compared = twoProportions(correct, n, reference.correct, reference.n)
          const share = reference.correct / reference.n
          view.baseline = { n: reference.n, correct: reference.correct, share, ...compared }
        }
        return view
      })

      const view: CellView = {
        key: cell.key,
        suppressed: false,
        n: cell.n,
        score,
        items: itemViews,
        reliability: reliabilityOf(group, items),
      }
      if (rating) {
        const values = ratingValues.map((value, v) => {
          const shown = value as number | string
          const label = rating.numeric ? Number(value) : value
          const n = ratingCounts[t][c][v]
          if (!ratingPattern[t][c][v] || n === 0) return { value: label, suppressed: true as const }
          publish({
            figure: 'rating-value',
            question: rating.question,
            category: `${shown}`,
            kind: 'count',
            value: n,
            over: n,
          })
          const their = group.filter((r) => r.rating === value).flatMap((r) => scoreOf(r) ?? [])
          const stats = their.length > 0 ? tInterval(their) : null
          if (their.length > 0) {
            const sum = their.reduce((a, b) => a + b, 0)
            publish({
              figure: 'rating-score-sum',
              question: rating.question,
              category: `${shown}`,
              kind: 'sum',
              value: sum,
              over: their.length,
            })
          }
          return { value: label, n, meanScore: stats?.mean ?? null, ci: stats?.ci ?? null }
        })
        const pairs = group.flatMap((r) => {
          const index = r.rating === null ? -1 : ratingValues.indexOf(r.rating)
          const s = scoreOf(r)
          return index < 0 || s === null ? [] : [[index, s] as const]
        })
        const rho = spearman(
          pairs.map((p) => p[0]),
          pairs.map((p) => p[1]),
        )
        view.selfRating = { question: rating.question, values, spearman: rho }
      }
      return view
    }),
  }))
  return { minGroupSize: k, tables: views, scores, figures }
}

/** KR-20 and alpha if each item is left out, over respondents shown every item. */
function reliabilityOf(group: KnowledgeRespondent[], items: string[]): CellFigures['reliability'] {
  const complete = group
    .filter((r) => r.items.every((x) => x !== null))
    .map((r) => r.items as number[])
  if (complete.length < RELIABILITY_MIN_RESPONDENTS || items.length < RELIABILITY_MIN_ITEMS)
    return null
  const kr20 = cronbachAlpha(complete)
  if (kr20 === null) return null
  const alphaIfDeleted = Object.fromEntries(
    items.map((name, i) => [
      name,
      cronbachAlpha(complete.map((row) => row.filter((_, j) => j !== i))),
    ]),
  )
  return { kr20, alphaIfDeleted }
}

type CellCounts = {
  scores: Map<number | null, number>[][]
  items: Map<string, { n: number; correct: number }>[][]
  ratings: Map<string | null, number>[][]
}

/** SQL's counts per full combination, summed into every cell of every table. */
function sumCounts(
  input: KnowledgeInput,
  tables: readonly PublishedTable[],
  cellsOf: (values: readonly string[]) => (number | undefined)[],
  mapDims: ReturnType<typeof levelMapper>,
): CellCounts {
  const fresh = <T>() =>
    tables.map((t) => t.cells.map(() => new Map<T, never>()) as unknown as Map<T, never>[])
  const scores = fresh<number | null>() as unknown as CellCounts['scores']
  const items = fresh<string>() as unknown as CellCounts['items']
  const ratings = fresh<string | null>() as unknown as CellCounts['ratings']
  const each = (raw: string[], add: (t: number, c: number) => void) => {
    const values = mapDims(raw)
    if (values) cellsOf(values).forEach((c, t) => c !== undefined && add(t, c))
  }
  for (const row of input.counts.scores) {
    each(row.dims, (t, c) =>
      scores[t][c].set(row.score, (scores[t][c].get(row.score) ?? 0) + row.n),
    )
  }
  for (const row of input.counts.items) {
    each(row.dims, (t, c) => {
      const was = items[t][c].get(row.question) ?? { n: 0, correct: 0 }
      items[t][c].set(row.question, { n: was.n + row.n, correct: was.correct + row.correct })
    })
  }
  for (const row of input.counts.ratings) {
    each(row.dims, (t, c) =>
      ratings[t][c].set(row.value, (ratings[t][c].get(row.value) ?? 0) + row.n),
    )
  }
  return { scores, items, ratings }
}

/** The counts SQL gave equal those of the respondents read, cell by cell. */
function checkCounts(
  counts: CellCounts,
  members: KnowledgeRespondent[][][],
  items: string[],
  withRating: boolean,
) {
  const same = (a: Map<unknown, unknown>, b: Map<unknown, unknown>) =>
    JSON.stringify([...a].sort()) === JSON.stringify([...b].sort())
  members.forEach((cells, t) =>
    cells.forEach((group, c) => {
      const scores = new Map<number | null, number>()
      const itemCounts = new Map<string, { n: number; correct: number }>()
      const ratings = new Map<string | null, number>()
      for (const r of group) {
        const s = scoreOf(r)
        scores.set(s, (scores.get(s) ?? 0) + 1)
        items.forEach((name, i) => {
          if (r.items[i] === null) return
          const was = itemCounts.get(name) ?? { n: 0, correct: 0 }
          itemCounts.set(name, { n: was.n + 1, correct: was.correct + r.items[i]! })
        })
        if (withRating) ratings.set(r.rating, (ratings.get(r.rating) ?? 0) + 1)
      }
      if (
        !same(scores, counts.scores[t][c]) ||
        !same(itemCounts, counts.items[t][c]) ||
        !same(ratings, counts.ratings[t][c])
      ) {
        throw new KnowledgeMismatch(`table ${t}, cell ${c}: the counts and the respondents differ`)
      }
    }),
  )
}
