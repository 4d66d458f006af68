import { useState } from 'react'
import type { User } from './api'
import { Link, paths } from './router'

interface Props {
  user: User
  onSignOut: () => Promise<void>
}

export function Header({ user, onSignOut }: Props) {
  const [busy, setBusy] = useState(false)
  const signOut = () => {
    setBusy(true)
    void onSignOut().finally(() => setBusy(false))
  }
  return (
    <header className="admin-header">
      <Link href={paths.list} className="admin-brand">
        Survey admin
      </Link>
      <div className="admin-user">
        <Link href={paths.tokens}>API tokens</Link>
        <span>
          Signed in as <strong>{user.username}</strong> <span className="role">({user.role})</span>
        </span>
        <button type="button" className="button" onClick={signOut} disabled={busy}>
          Sign out
        </button>
      </div>
    </header>
  )
}
