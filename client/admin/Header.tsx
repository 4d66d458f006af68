import { useState } from 'react'
import type { User } from './api'
import { LanguagePicker, useI18n } from './i18n'
import { Link, paths } from './router'

interface Props {
  user: User
  onSignOut: () => Promise<void>
}

export function Header({ user, onSignOut }: Props) {
  const { t } = useI18n()
  const [busy, setBusy] = useState(false)
  const signOut = () => {
    setBusy(true)
    void onSignOut().finally(() => setBusy(false))
  }
  return (
    <header className="admin-header">
      <Link href={paths.list} className="admin-brand">
        {t.appName}
      </Link>
      <div className="admin-user">
        <LanguagePicker />
        <Link href={paths.tokens}>{t.apiTokens}</Link>
        <span>
          {t.signedInAs} <strong>{user.username}</strong>{' '}
          <span className="role">({user.role})</span>
        </span>
        <button type="button" className="button" onClick={signOut} disabled={busy}>
          {t.signOut}
        </button>
      </div>
    </header>
  )
}
