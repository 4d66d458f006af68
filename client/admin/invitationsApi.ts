import { currentMessages, fill } from './i18n'
import type {
  AccessMode,
  AccessRequest,
  AccessSaved,
  CodeCounts,
  CodesRequest,
} from '../../server/invitations/contract.js'
import { request, type ApiFailure, type ApiResult } from './api'

// The API's bodies are typed by the server's contract (types only: nothing of it is bundled).
export type Access = AccessMode
export type { CodeCounts }

const path = (slug: string) => `/api/admin/surveys/${encodeURIComponent(slug)}`

export const invitations = {
  counts: (slug: string) => request<CodeCounts>('GET', `${path(slug)}/invitation-codes`),
  setAccess: (slug: string, access: Access) =>
    request<AccessSaved>('PUT', `${path(slug)}/access`, {
      body: { access } satisfies AccessRequest,
    }),
  /** The new codes as the server's CSV file (the only place they ever exist in plain). */
  async generate(slug: string, count: number): Promise<ApiResult<Blob>> {
    let res: Response
    try {
      res = await fetch(`${path(slug)}/invitation-codes`, {
        method: 'POST',
        credentials: 'same-origin',
        cache: 'no-store',
        headers: { Accept: 'text/csv', 'Content-Type': 'application/json' },
        body: JSON.stringify({ count } satisfies CodesRequest),
      })
    } catch {
      return failure(0, 'offline', currentMessages().failures.offline)
    }
    if (res.ok) return { ok: true, data: await res.blob() }
    const body = (await res.json().catch(() => null)) as { error?: Partial<ApiFailure> } | null
    const message = body?.error?.message ?? fill(currentMessages().failures.serverAnswered, { status: res.status })
    return failure(res.status, body?.error?.code ?? 'error', message)
  },
}

function failure(status: number, code: string, message: string): ApiFailure {
  return { ok: false, status, code, message, details: [] }
}

/** Hands a file to the browser's downloads, without keeping it anywhere in the page. */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
