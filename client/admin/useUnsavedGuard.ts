import { useEffect } from 'react'
import { setLeaveGuard } from './router'

/**
 * Asks `question` (in the admin's language) before unsaved work is lost: in-app links; closing or
 * reloading the tab asks with the browser's own words.
 */
export function useUnsavedGuard(dirty: boolean, question: string): void {
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
