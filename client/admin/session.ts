import { createContext, useContext } from 'react'
import type { User } from './api'

export interface Session {
  user: User
  /** Goes up at every sign-in, so pages kept on screen across a re-sign-in reload their data. */
  epoch: number
}

export const SessionContext = createContext<Session | null>(null)

export function useSession(): Session {
  const session = useContext(SessionContext)
  if (!session) throw new Error('useSession outside a signed-in tree')
  return session
}
