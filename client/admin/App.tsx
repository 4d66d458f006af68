import { useI18n } from './i18n'
import { useEffect, useState } from 'react'
import { api, onSessionEnded, type User } from './api'
import { Header } from './Header'
import { Pages } from './Pages'
import { mayLeave, navigate } from './router'
import { SessionContext } from './session'
import { SignIn } from './SignIn'

type Phase = 'checking' | 'unreachable' | 'signed-out' | 'signed-in'

export function App() {
  const { t } = useI18n()
  const [phase, setPhase] = useState<Phase>('checking')
  // Kept (hidden) while signed out after an expired session, so unsaved work survives a re-sign-in.
  const [user, setUser] = useState<User | null>(null)
  const [epoch, setEpoch] = useState(0)
  const [notice, setNotice] = useState<string | null>(null)

  const signedIn = (next: User) => {
    // Someone else signing in on this screen starts from scratch.
    setUser((previous) =>
      previous?.username === next.username && previous.role === next.role ? previous : next,
    )
    setEpoch((n) => n + 1)
    setNotice(null)
    setPhase('signed-in')
  }

  const check = () => {
    setPhase('checking')
    void api.me().then((result) => {
      if (result.ok) return signedIn(result.data.user)
      setPhase(result.status === 401 ? 'signed-out' : 'unreachable')
    })
  }

  useEffect(() => {
    onSessionEnded(() => {
      setNotice(t.sessionEnded)
      setPhase('signed-out')
    })
    check()
  }, [])

  const signOut = async () => {
    if (!mayLeave()) return
    const result = await api.logout()
    setUser(null)
    setNotice(result.ok ? t.signedOut : t.signOutUnreachable)
    setPhase('signed-out')
    navigate('/admin', { replace: true, force: true })
  }

  useEffect(() => {
    if (phase !== 'signed-in') document.title = `${t.signIn} · ${t.appName}`
  }, [phase, t])

  return (
    <>
      {phase === 'signed-in' && user && <Header user={user} onSignOut={signOut} />}
      {phase === 'checking' && (
        <p className="page" role="status">
          {t.loading}
        </p>
      )}
      {phase === 'unreachable' && (
        <div className="page" role="alert">
          <p>{t.unreachable}</p>
          <button type="button" className="button" onClick={check}>
            {t.tryAgain}
          </button>
        </div>
      )}
      {phase === 'signed-out' && (
        <SignIn notice={notice} lastUsername={user?.username} onSignedIn={signedIn} />
      )}
      {user && (
        <div hidden={phase !== 'signed-in'} key={`${user.username}:${user.role}`}>
          <SessionContext.Provider value={{ user, epoch }}>
            <Pages />
          </SessionContext.Provider>
        </div>
      )}
    </>
  )
}
