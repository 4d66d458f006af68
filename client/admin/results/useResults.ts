import { api, type ApiResult, type SurveyDetail } from '../api'
import { useLoad } from '../useLoad'
import { resultsApi, type Aggregates, type Release, type Timeline } from './resultsApi'

export interface Overview {
  survey: SurveyDetail
  releases: Release[]
  timeline: Timeline
}

export interface Tables {
  /** Two-way (or the only) dimensions: the server's default grouping. */
  cross: Aggregates
  /** One dimension, for the group picker and the knowledge table; null before a release. */
  grouped: Aggregates | null
}

async function loadOverview(slug: string): Promise<ApiResult<Overview>> {
  const [survey, releases, timeline] = await Promise.all([
    api.getSurvey(slug),
    resultsApi.releases(slug),
    resultsApi.timeline(slug),
  ])
  if (!survey.ok) return survey
  if (!releases.ok) return releases
  if (!timeline.ok) return timeline
  return {
    ok: true,
    data: { survey: survey.data, releases: releases.data.releases, timeline: timeline.data },
  }
}

async function loadTables(
  slug: string,
  release: number | null,
  dim: string | null,
  by: string[] | null,
): Promise<ApiResult<Tables>> {
  // Without `by` the server picks sector × region, or the first two dimensions the survey has.
  const cross = await resultsApi.aggregates(slug, { release, by: by ?? undefined })
  if (!cross.ok) return cross
  if (cross.data.release === null) return { ok: true, data: { cross: cross.data, grouped: null } }
  // The charts' grouping may be any dimension the page offers, not only one of the table's.
  const grouping = [dim ?? cross.data.by[0]]
  const grouped = await resultsApi.aggregates(slug, {
    release: cross.data.release,
    by: grouping,
  })
  if (!grouped.ok) return grouped
  return { ok: true, data: { cross: cross.data, grouped: grouped.data } }
}

/** Everything the results page shows; `round` forces a fresh load after a new release. */
export function useResults(
  slug: string,
  release: number | null,
  dim: string | null,
  round: number,
  /** Dimensions of the table chosen in the page (one or two); null: the server's default. */
  by: string[] | null = null,
) {
  const overview = useLoad(() => loadOverview(slug), `${slug}:${round}`)
  const tables = useLoad(
    () => loadTables(slug, release, dim, by),
    `${slug}:${release}:${dim}:${by?.join(',')}:${round}`,
  )
  return { overview, tables }
}
