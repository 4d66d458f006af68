import { useCallback, useEffect, useState } from 'react'
import type { ApiFailure, ApiResult } from './api'
import { useSession } from './session'

export type LoadState<T> =
  { kind: 'loading' } | { kind: 'failed'; failure: ApiFailure } | { kind: 'ok'; data: T }

/** Loads on mount, when `key` changes and after every sign-in; `reload` loads again. */
export function useLoad<T>(load: () => Promise<ApiResult<T>>, key: string) {
  const { epoch } = useSession()
  const [state, setState] = useState<LoadState<T>>({ kind: 'loading' })
  const [round, setRound] = useState(0)
  const reload = useCallback(() => setRound((n) => n + 1), [])

  useEffect(() => {
    let current = true
    void load().then((result) => {
      if (!current) return
      setState(result.ok ? { kind: 'ok', data: result.data } : { kind: 'failed', failure: result })
    })
    return () => {
      current = false
    }
    // `load` is a new closure every render; `key` says when it means something else.
  }, [key, epoch, round])

  return { state, reload }
}
