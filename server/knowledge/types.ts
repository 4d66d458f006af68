import type { CellKey, Publication } from '../domain/suppression/index.js'
import type { Interval } from './stats.js'

/** One released respondent, without any id: dimension values and quiz items only. */
export interface KnowledgeRespondent {
  /** Raw values of the publication's real dimensions (not its levels), in its order ('' unanswered). */
  dims: string[]
  /** Per quiz item (KnowledgeInput.items order): 1 correct, 0 not, null not shown the item. */
  items: (0 | 1 | null)[]
  /** The self-rating answer, as stored; null when not answered. */
  rating: string | null
}

/**
 * Counts per full combination of the real dimensions, from SQL (db/queries/knowledge.ts); a
 * level's cells are sums of its members' (compute.ts).
 */
export interface KnowledgeCounts {
  /** Respondents per score (null: shown no quiz item). */
  scores: { dims: string[]; score: number | null; n: number }[]
  /** Respondents shown each item, and how many of them answered it correctly. */
  items: { dims: string[]; question: string; n: number; correct: number }[]
  /** Respondents per self-rating answer (null: not answered). */
  ratings: { dims: string[]; value: string | null; n: number }[]
}

export interface SelfRatingQuestion {
  question: string
  /** Every value the question offers, in order (from the questionnaire, never from the data). */
  values: string[]
  numeric: boolean
}

export interface Baseline {
  label: string
  items: Record<string, { n: number; correct: number }>
}

export interface KnowledgeInput {
  publication: Publication
  items: string[]
  rating?: SelfRatingQuestion
  respondents: KnowledgeRespondent[]
  counts: KnowledgeCounts
  baseline?: Baseline
  /**
   * Shown cells (cellId) of a table that carry statistics, as the aggregates decide
   * (server/domain/suppression/statistics.ts); the others show their n only. Default: all.
   */
  withStatistics?: (by: readonly string[]) => ReadonlySet<string>
}

export interface ItemView {
  name: string
  n: number
  correct: number
  share: number | null
  ci: Interval | null
  discrimination: number | null
  baseline?: {
    n: number
    correct: number
    share: number
    difference: number
    ci: Interval
    p: number | null
  }
}

export type RatingValueView =
  | { value: number | string; n: number; meanScore: number | null; ci: Interval | null }
  | { value: number | string; suppressed: true }

export interface CellFigures {
  n: number
  score: {
    mean: number
    sd: number | null
    ci: Interval | null
    max: number
    distribution: Record<string, number>
  } | null
  items: ItemView[]
  reliability: { kr20: number; alphaIfDeleted: Record<string, number | null> } | null
  selfRating?: { question: string; values: RatingValueView[]; spearman: number | null }
}

export type CellView =
  | { key: CellKey; suppressed: true }
  | { key: CellKey; suppressed: false; n: number }
  | ({ key: CellKey; suppressed: false } & CellFigures)

/**
 * A count or a sum the knowledge figures publish, for the disclosure audit: the cell of the
 * release's table it lies in, and how many respondents it covers.
 */
export interface PublishedKnowledgeFigure {
  by: readonly string[]
  key: CellKey
  figure:
    | 'respondents'
    | 'score-bin'
    | 'score-sum'
    | 'item-shown'
    | 'item-correct'
    | 'rating-value'
    | 'rating-score-sum'
  /** Quiz item or self-rating question. */
  question?: string
  /** Score bin ("3", "0-4") or self-rating value. */
  category?: string
  kind: 'count' | 'sum'
  value: number
  /** Respondents the figure counts or adds up. */
  over: number
}

/** Every table of a release with the knowledge figures of its shown cells. */
export interface KnowledgeRelease {
  minGroupSize: number
  tables: { by: readonly string[]; cells: CellView[] }[]
  /** Scores of each shown cell's respondents (for comparisons); never published as such. */
  scores: number[][][]
  figures: PublishedKnowledgeFigure[]
}
