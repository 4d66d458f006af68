import { useEffect } from 'react'
import { setLeaveGuard } from './router'

const QUESTION = 'You have unsaved changes. Leave this page and lose them?'

/** Asks before unsaved work is lost: in-app links and closing or reloading the tab. */
export function useUnsavedGuard(dirty: boolean, question = QUESTION): void {
  useEffect(() => {
    if (!dirty) return
    const beforeUnload = (event: BeforeUnloadEvent) => event.preventDefault()
    window.addEventListener('beforeunload', beforeUnload)
    setLeaveGuard(() => window.confirm(question))
    return () => {
      window.removeEventListener('beforeunload', beforeUnload)
      setLeaveGuard(null)
    }
  }, [dirty, question])
}
