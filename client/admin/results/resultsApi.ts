import type { Knowledge } from '../../../server/knowledge/contract.js'
import type {
  Aggregates,
  ReleaseCreated,
  ReleaseList,
  Timeline,
} from '../../../server/results/contract.js'
import { request } from '../api'

/** The results endpoints (README "Results: releases and aggregates"); types from their contracts. */

export type {
  Aggregates,
  Group,
  QuestionStats,
  Questions,
  Release,
  Timeline,
  Total,
  Week,
} from '../../../server/results/contract.js'
export type {
  Knowledge,
  KnowledgeFigures,
  KnowledgeItem,
} from '../../../server/knowledge/contract.js'

const base = (slug: string) => `/api/admin/surveys/${encodeURIComponent(slug)}`

export const resultsApi = {
  releases: (slug: string) => request<ReleaseList>('GET', `${base(slug)}/releases`),
  makeRelease: (slug: string) => request<ReleaseCreated>('POST', `${base(slug)}/releases`),
  timeline: (slug: string) => request<Timeline>('GET', `${base(slug)}/timeline`),
  aggregates: (slug: string, options: { by?: string[]; release?: number | null }) => {
    const query = new URLSearchParams()
    if (options.by) query.set('by', options.by.join(','))
    if (options.release != null) query.set('release', String(options.release))
    const text = query.toString()
    return request<Aggregates>('GET', `${base(slug)}/aggregates${text ? `?${text}` : ''}`)
  },
}

export const knowledgeApi = {
  knowledge: (slug: string, options: { by: string[]; release?: number | null }) => {
    const query = new URLSearchParams({ by: options.by.join(',') })
    if (options.release != null) query.set('release', String(options.release))
    return request<Knowledge>('GET', `${base(slug)}/knowledge?${query}`)
  },
}
