import type {
  AnswerProblem,
  CodeCheckRequest,
  PublishedSurvey,
  SubmissionBody,
} from '../../server/respondent/contract.js'
import type { Locale } from './i18n'

// The API's bodies are typed by the server's contract (types only: nothing of it is bundled).
export type { AnswerProblem, PublishedSurvey }

export type LoadResult =
  { kind: 'ok'; survey: PublishedSurvey } | { kind: 'not-open' } | { kind: 'failed' }

export type SubmitResult =
  | { kind: 'ok' }
  | { kind: 'invalid'; problems: AnswerProblem[] }
  | { kind: 'closed' }
  | { kind: 'too-large' }
  | { kind: 'rate-limited' }
  | { kind: 'code-used' }
  | { kind: 'code-invalid' }
  | { kind: 'offline' }
  /** 5xx: the server could not store it this time (503: busy); sending again may well work. */
  | { kind: 'unavailable'; retryAfterMs?: number }
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

const CODE_REFUSALS = new Set(['code_required', 'invalid_code'])

/**
 * A new Idempotency-Key: 128 random bits (base64url). Kept in memory with the answers it was made
 * for, so a resend after a lost answer is recognised by the server and not stored twice.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')
}

/** What is sent: the same text and key for every resend of the same answers. */
export interface Submission {
  body: string
  idempotencyKey: string
}

/** `code`: the invitation code, for invitation-only surveys. */
export function newSubmission(
  answers: SubmissionBody['answers'],
  locale: Locale,
  code?: string,
): Submission {
  const body: SubmissionBody = { answers, locale, code }
  return { body: JSON.stringify(body), idempotencyKey: newIdempotencyKey() }
}

export async function submitAnswers(slug: string, submission: Submission): Promise<SubmitResult> {
  let res: Response
  try {
    res = await fetch(`${surveyUrl(slug)}/responses`, {
      ...baseInit,
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        // A structured-field string, as the IETF httpapi draft writes it.
        'Idempotency-Key': `"${submission.idempotencyKey}"`,
      },
      body: submission.body,
    })
  } catch {
    return { kind: 'offline' }
  }
  if (res.ok) return { kind: 'ok' }
  if (res.status >= 500) {
    const seconds = Number(res.headers.get('retry-after'))
    return { kind: 'unavailable', ...(seconds > 0 ? { retryAfterMs: seconds * 1000 } : {}) }
  }
  switch (res.status) {
    case 422: {
      const error = await readError(res)
      if (CODE_REFUSALS.has(error.code)) return { kind: 'code-invalid' }
      return { kind: 'invalid', problems: answerProblems(error.details) }
    }
    case 409: {
      const used = (await readError(res)).code === 'code_used'
      return used ? { kind: 'code-used' } : { kind: 'failed' }
    }
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

export type CodeCheck = 'valid' | 'used' | 'invalid' | 'closed' | 'rate-limited' | 'failed'

/** Asks whether an invitation code can be used, without using it. */
export async function checkCode(slug: string, code: string): Promise<CodeCheck> {
  let res: Response
  try {
    res = await fetch(`${surveyUrl(slug)}/codes/check`, {
      ...baseInit,
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ code } satisfies CodeCheckRequest),
    })
  } catch {
    return 'failed'
  }
  if (res.ok) return 'valid'
  const outcomes: Record<number, CodeCheck> = {
    409: 'used',
    422: 'invalid',
    404: 'closed',
    429: 'rate-limited',
  }
  return outcomes[res.status] ?? 'failed'
}

/** The error's code and details; empty when the body is not the API's error shape. */
async function readError(res: Response): Promise<{ code: string; details: unknown[] }> {
  try {
    const body = (await res.json()) as { error?: { code?: unknown; details?: unknown } }
    const code = typeof body.error?.code === 'string' ? body.error.code : ''
    const details = Array.isArray(body.error?.details) ? body.error.details : []
    return { code, details }
  } catch {
    return { code: '', details: [] }
  }
}

function answerProblems(details: unknown[]): AnswerProblem[] {
  return details.filter(
    (d): d is AnswerProblem =>
      typeof d === 'object' && d !== null && typeof (d as AnswerProblem).question === 'string',
  )
}
