import type { Locale } from './i18n'

/** What `GET /api/surveys/:slug` returns for an open survey. */
export interface PublishedSurvey {
  slug: string
  version: number
  title: string
  definition: Record<string, unknown>
}

export type LoadResult =
  | { kind: 'ok'; survey: PublishedSurvey }
  | { kind: 'not-open' }
  | { kind: 'failed' }

export interface AnswerProblem {
  question: string
  code: string
  message: string
}

export type SubmitResult =
  | { kind: 'ok' }
  | { kind: 'invalid'; problems: AnswerProblem[] }
  | { kind: 'closed' }
  | { kind: 'too-large' }
  | { kind: 'rate-limited' }
  | { kind: 'offline' }
  | { kind: 'failed' }

export type SubmitFailure = Exclude<SubmitResult, { kind: 'ok' }>

/** `/s/<slug>` or `/s/<slug>/`; anything else has no survey. */
export function slugFromPath(pathname: string): string | null {
  const match = /^\/s\/([^/]+)\/?$/.exec(pathname)
  if (!match) return null
  try {
    return decodeURIComponent(match[1])
  } catch {
    return null
  }
}

// Same-origin only, and never send or accept credentials: the API needs none and the
// respondent must not be recognisable between visits.
const baseInit: RequestInit = {
  credentials: 'omit',
  cache: 'no-store',
  referrerPolicy: 'no-referrer',
}

function surveyUrl(slug: string): string {
  return `/api/surveys/${encodeURIComponent(slug)}`
}

export async function loadSurvey(slug: string): Promise<LoadResult> {
  try {
    const res = await fetch(surveyUrl(slug), {
      ...baseInit,
      headers: { Accept: 'application/json' },
    })
    if (res.status === 404) return { kind: 'not-open' }
    if (!res.ok) return { kind: 'failed' }
    const body = (await res.json()) as PublishedSurvey
    if (!body || typeof body.definition !== 'object' || body.definition === null) {
      return { kind: 'failed' }
    }
    return { kind: 'ok', survey: body }
  } catch {
    return { kind: 'failed' }
  }
}

export async function submitAnswers(
  slug: string,
  answers: unknown,
  locale: Locale,
): Promise<SubmitResult> {
  let res: Response
  try {
    res = await fetch(`${surveyUrl(slug)}/responses`, {
      ...baseInit,
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ answers, locale }),
    })
  } catch {
    return { kind: 'offline' }
  }
  if (res.ok) return { kind: 'ok' }
  switch (res.status) {
    case 422:
      return { kind: 'invalid', problems: await readProblems(res) }
    case 404:
    case 410:
      return { kind: 'closed' }
    case 413:
      return { kind: 'too-large' }
    case 429:
      return { kind: 'rate-limited' }
    default:
      return { kind: 'failed' }
  }
}

async function readProblems(res: Response): Promise<AnswerProblem[]> {
  try {
    const body = (await res.json()) as { error?: { details?: unknown } }
    const details = body.error?.details
    if (!Array.isArray(details)) return []
    return details.filter(
      (d): d is AnswerProblem =>
        typeof d === 'object' && d !== null && typeof d.question === 'string',
    )
  } catch {
    return []
  }
}
