import { request } from '../api'

/** The results endpoints (README "Results: releases and aggregates"). */

export interface QuestionStats {
  counts?: Record<string, number>
  items?: Record<string, Record<string, number>>
  n?: number
  mean?: number
  distribution?: Record<string, number>
  shareCorrect?: number
}

export type Questions = Record<string, QuestionStats>

export type Group =
  | { key: Record<string, string>; suppressed: true }
  | {
      key: Record<string, string>
      suppressed: false
      n: number
      knowledgeScore?: number | null
      questions?: Questions
    }

export type Total =
  | { suppressed: true }
  | { suppressed?: false; n: number; knowledgeScore?: number | null; questions?: Questions }

export interface Aggregates {
  survey: string
  release: number | null
  minGroupSize: number
  by: string[]
  total: Total
  groups: Group[]
}

export interface Release {
  number: number
  kind: 'interim' | 'final'
  createdOn: string
}

export type Week =
  { week: string; suppressed: true } | { week: string; suppressed: false; n: number }

export interface Timeline {
  survey: string
  minGroupSize: number
  weeks: Week[]
}

const base = (slug: string) => `/api/admin/surveys/${encodeURIComponent(slug)}`

export const resultsApi = {
  releases: (slug: string) => request<{ releases: Release[] }>('GET', `${base(slug)}/releases`),
  makeRelease: (slug: string) =>
    request<{ release: number; kind: 'interim' }>('POST', `${base(slug)}/releases`),
  timeline: (slug: string) => request<Timeline>('GET', `${base(slug)}/timeline`),
  aggregates: (slug: string, options: { by?: string[]; release?: number | null }) => {
    const query = new URLSearchParams()
    if (options.by) query.set('by', options.by.join(','))
    if (options.release != null) query.set('release', String(options.release))
    const text = query.toString()
    return request<Aggregates>('GET', `${base(slug)}/aggregates${text ? `?${text}` : ''}`)
  },
}

export type Interval = [number, number] | null

export interface KnowledgeItem {
  name: string
  n: number
  correct: number
  share: number | null
  ci: Interval
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

export interface KnowledgeFigures {
  n: number
  score: {
    mean: number
    sd: number | null
    ci: Interval
    max: number
    distribution: Record<string, number>
  } | null
  items: KnowledgeItem[]
  reliability: { kr20: number; alphaIfDeleted: Record<string, number | null> } | null
  selfRating?: {
    question: string
    values: (
      | { value: number | string; suppressed: true }
      | {
          value: number | string
          suppressed?: undefined
          n: number
          meanScore: number | null
          ci: Interval
        }
    )[]
    spearman: number | null
  }
}

export interface Knowledge {
  survey: string
  release: number | null
  minGroupSize: number
  by: string[]
  total: KnowledgeFigures | { suppressed: true } | { n: number }
  groups: (
    | { key: Record<string, string>; suppressed: true }
    | { key: Record<string, string>; suppressed: false; n: number; items?: undefined }
    | ({
        key: Record<string, string>
        suppressed: false
      } & KnowledgeFigures)
  )[]
  comparison: {
    test: 'kruskal-wallis'
    statistic: number | null
    df: number
    p: number | null
  } | null
  baseline?: { label: string }
}

export const knowledgeApi = {
  knowledge: (slug: string, options: { by: string[]; release?: number | null }) => {
    const query = new URLSearchParams({ by: options.by.join(',') })
    if (options.release != null) query.set('release', String(options.release))
    return request<Knowledge>('GET', `${base(slug)}/knowledge?${query}`)
  },
}
