/**
 * The knowledge figures of every table of a release, from released respondents (statistics) and
 * SQL counts (published counts), which must agree. Pure: no database, no HTTP.
 */
import type { Dimension } from '../domain/suppression/index.js'
import { withLevels } from '../domain/suppression/figures.js'
import { binLabel, cellId, planInnerCounts, scoreBins } from './inner-suppression.js'
import { countsAgree, sumCounts, type Placer } from './cell-counts.js'
import {
  alphaIfDeleted,
  cronbachAlpha,
  pearson,
  spearman,
  tInterval,
  twoProportions,
  wilson,
} from './stats.js'
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
  const expand = withLevels(dimensions)
  return (raw: readonly string[]) => {
    const values = real.map((d, i) => (d.values.includes(raw[i]) ? raw[i] : ''))
    if (!values.every((v, i) => real[i].values.includes(v))) return null
    const key = Object.fromEntries(real.map((d, i) => [d.name, values[i]]))
    try {
      const full = expand(key)
      return dimensions.map((d) => full[d.name])
    } catch (error) {
      // The planner refuses a level that leaves a value out (suppression/tables.ts).
      if (error instanceof TypeError) throw new KnowledgeMismatch(error.message)
      throw error
    }
  }
}

const scoreOf = (r: KnowledgeRespondent) =>
  r.items.some((x) => x !== null) ? r.items.reduce<number>((s, x) => s + (x ?? 0), 0) : null

export function computeKnowledge(input: KnowledgeInput): KnowledgeRelease {
  const { publication, items, rating, baseline, respondents } = input
  const dims = publication.dimensions
  const names = dims.map((d) => d.name)
  const k = publication.minGroupSize
  const tables = publication.tables
  const keyOf = (values: readonly string[]) =>
    Object.fromEntries(names.map((n, i) => [n, values[i]]))
  const cellIndex = tables.map((t) => new Map(t.cells.map((c, i) => [cellId(t.by, c.key), i])))
  // Each full combination placed once: a release has thousands of respondents per combination.
  const mapDims = levelMapper(dims)
  const placed = new Map<string, (number | undefined)[] | null>()
  const place: Placer = (raw) => {
    const id = JSON.stringify(raw)
    let cells = placed.get(id)
    if (cells === undefined) {
      const values = mapDims(raw)
      const key = values && keyOf(values)
      cells = key && tables.map((t, ti) => cellIndex[ti].get(cellId(t.by, key)))
      placed.set(id, cells)
    }
    return cells
  }
  const empty = <T>(make: () => T) => tables.map((t) => t.cells.map(make))
  const statistics = tables.map((t) => input.withStatistics?.(t.by))
  const nOnly = tables.map((t, ti) =>
    t.cells.map(
      (cell) =>
        !cell.suppressed && !!statistics[ti] && !statistics[ti]!.has(cellId(t.by, cell.key)),
    ),
  )

  // Respondents per cell, as indexes into `respondents`; each one's score computed once.
  const scoreAt = respondents.map(scoreOf)
  const members = empty<number[]>(() => [])
  respondents.forEach((respondent, r) =>
    place(respondent.dims)?.forEach((c, t) => c !== undefined && members[t][c].push(r)),
  )
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
  const sqlCounts = sumCounts(input.counts, tables.map((t) => t.cells.length), place)
  const withRating = rating?.question !== undefined
  const differ = countsAgree(sqlCounts, members, respondents, scoreAt, items, withRating)
  if (differ) {
    throw new KnowledgeMismatch(
      `table ${differ.table}, cell ${differ.cell}: the counts and the respondents differ`,
    )
  }

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
      const group = members[t][c].map((r) => respondents[r])
      const groupScores = members[t][c].map((r) => scoreAt[r])
      const publish = (f: Omit<PublishedKnowledgeFigure, 'by' | 'key'>) =>
        figures.push({ by: table.by, key: cell.key, ...f })
      publish({ figure: 'respondents', kind: 'count', value: cell.n, over: cell.n })
      if (nOnly[t][c]) return { key: cell.key, suppressed: false, n: cell.n }
      const scored = groupScores.filter((s) => s !== null)
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
        const item: number[] = []
        const rest: number[] = []
        group.forEach((r, m) => {
          if (r.items[i] === null) return
          item.push(r.items[i]!)
          rest.push(groupScores[m]! - r.items[i]!)
        })
        const view: ItemView = {
          name,
          n,
          correct,
          share: n > 0 ? correct / n : null,
          ci: n > 0 ? wilson(correct, n) : null,
          discrimination: item.length > 1 ? pearson(item, rest) : null,
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
        // Each rating value's scores, in the group's order.
        const scoresOf = new Map<string | null, number[]>()
        group.forEach((r, m) => {
          const list = scoresOf.get(r.rating) ?? scoresOf.set(r.rating, []).get(r.rating)!
          if (groupScores[m] !== null) list.push(groupScores[m]!)
        })
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
          const their = scoresOf.get(value) ?? []
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
        const pairs = group.flatMap((r, m) => {
          const index = r.rating === null ? -1 : ratingValues.indexOf(r.rating)
          const s = groupScores[m]
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
  const without = alphaIfDeleted(complete)
  return { kr20, alphaIfDeleted: Object.fromEntries(items.map((name, i) => [name, without[i]])) }
}
