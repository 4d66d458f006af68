/** The admin API client: same-origin JSON only (the server's CSRF guard refuses anything else). */

// The API's bodies are typed by the server's contracts (types only: nothing of them is bundled).
import { currentMessages, fill } from './i18n'
import type { z } from 'zod'
import type { LoginBody, userSchema } from '../../server/accounts/contract.js'
import type { errorSchema, okSchema } from '../../server/platform/openapi/response-schemas.js'
import type {
  ClosedSurvey,
  CreateSurveyBody,
  PublishedSurvey,
  ReplaceDefinitionBody,
  SavedSurvey,
  SurveyDetail,
  SurveyList,
} from '../../server/publishing/contract.js'

export type { Role, User } from '../../server/accounts/contract.js'
export type { SurveyDetail, SurveyStatus, SurveySummary } from '../../server/publishing/contract.js'

/** The one error shape of every refusal. */
export type ErrorBody = z.output<typeof errorSchema>
/** One entry of an error's `details`: a message, often with where (`field`, `sheet`, ...). */
export type ErrorDetail = ErrorBody['error']['details'][number]

export interface ApiFailure {
  ok: false
  /** 0 when the server could not be reached. */
  status: number
  code: string
  message: string
  details: ErrorDetail[]
  /** Seconds from `Retry-After`, when the server sent one. */
  retryAfter?: number
}

export type ApiResult<T> = { ok: true; data: T } | ApiFailure

// App sets this: any 401 outside sign-in means the session has ended.
let sessionEnded: () => void = () => undefined
export function onSessionEnded(handler: () => void): void {
  sessionEnded = handler
}

interface Options {
  body?: unknown
  /** Sign-in and "who am I" expect 401 as an ordinary answer, not an ended session. */
  expect401?: boolean
}

/** Same-origin JSON request; a 401 runs the app's session-ended flow. Shared by every API module. */
export async function request<T>(
  method: string,
  path: string,
  options: Options = {},
): Promise<ApiResult<T>> {
  let res: Response
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      cache: 'no-store',
      headers: {
        Accept: 'application/json',
        ...(method === 'GET' ? {} : { 'Content-Type': 'application/json' }),
      },
      body: method === 'GET' ? undefined : JSON.stringify(options.body ?? {}),
    })
  } catch {
    return failure(0, 'offline', currentMessages().failures.offline)
  }
  const body = await res.json().catch(() => null)
  if (res.ok) return { ok: true, data: body as T }
  if (res.status === 401 && !options.expect401) sessionEnded()
  const error = (body as { error?: Partial<ApiFailure> } | null)?.error
  const retry = Number(res.headers.get('Retry-After'))
  return {
    ...failure(
      res.status,
      error?.code ?? 'error',
      error?.message ?? fill(currentMessages().failures.serverAnswered, { status: res.status }),
      Array.isArray(error?.details) ? error.details : [],
    ),
    ...(retry > 0 ? { retryAfter: retry } : {}),
  }
}

function failure(status: number, code: string, message: string, details: ErrorDetail[] = []) {
  return { ok: false as const, status, code, message, details }
}

const surveyPath = (slug: string) => `/api/admin/surveys/${encodeURIComponent(slug)}`

type SignedIn = z.output<typeof userSchema>
type Ok = z.output<typeof okSchema>

export const api = {
  me: () => request<SignedIn>('GET', '/api/auth/me', { expect401: true }),
  login: (username: string, password: string) =>
    request<SignedIn>('POST', '/api/auth/login', {
      body: { username, password } satisfies LoginBody,
      expect401: true,
    }),
  logout: () => request<Ok>('POST', '/api/auth/logout', { expect401: true }),
  listSurveys: () => request<SurveyList>('GET', '/api/admin/surveys'),
  getSurvey: (slug: string) => request<SurveyDetail>('GET', surveyPath(slug)),
  createSurvey: (slug: string, definition: CreateSurveyBody['definition']) =>
    request<SavedSurvey>('POST', '/api/admin/surveys', {
      body: { slug, definition } satisfies CreateSurveyBody,
    }),
  replaceDefinition: (slug: string, definition: ReplaceDefinitionBody['definition']) =>
    request<SavedSurvey>('PUT', surveyPath(slug), {
      body: { definition } satisfies ReplaceDefinitionBody,
    }),
  changeStatus: (slug: string, action: 'publish' | 'close') =>
    request<PublishedSurvey | ClosedSurvey>('POST', `${surveyPath(slug)}/${action}`),
}
