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
  | { week: string; suppressed: true }
  | { week: string; suppressed: false; n: number }

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
