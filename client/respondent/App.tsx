import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react'
import { loadSurvey, type PublishedSurvey } from './api'
import { CodeScreen } from './CodeScreen'
import { localized, STRINGS, type Locale } from './i18n'
import { LanguagePicker } from './LanguagePicker'
import { LoadBoundary } from './LoadBoundary'
import { StartScreen } from './StartScreen'
import { StatusPage } from './StatusPage'

// SurveyJS is most of the download (~430 kB gzip). It is fetched in the background from the
// first paint, so the start screen and privacy notice appear without waiting for it.
const loadSurveyScreen = () => import('./SurveyScreen')
const SurveyScreen = lazy(() => loadSurveyScreen().then((m) => ({ default: m.SurveyScreen })))

type Phase =
  | { kind: 'loading' }
  | { kind: 'not-open' }
  | { kind: 'load-failed' }
  | { kind: 'code' | 'start' | 'answering' | 'done'; published: PublishedSurvey }

interface Props {
  slug: string | null
  initialLocale: Locale
  /** From the link's fragment; only invitation-only surveys use it. */
  invitationCode?: string | null
}

export function App({ slug, initialLocale, invitationCode = null }: Props) {
  const [locale, setLocale] = useState(initialLocale)
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' })
  // The accepted invitation code, sent with the answers; kept in memory only.
  const [code, setCode] = useState<string | undefined>()
  const text = STRINGS[locale]

  const load = useCallback(async () => {
    if (slug === null) return setPhase({ kind: 'not-open' })
    setPhase({ kind: 'loading' })
    const result = await loadSurvey(slug)
    if (result.kind === 'not-open') return setPhase({ kind: 'not-open' })
    if (result.kind === 'failed') return setPhase({ kind: 'load-failed' })
    const needsCode = result.survey.access === 'invitation'
    setPhase({ kind: needsCode ? 'code' : 'start', published: result.survey })
  }, [slug])

  useEffect(() => {
    void load()
    void loadSurveyScreen().catch(() => undefined) // a real failure resurfaces via lazy()
  }, [load])

  const statusTitles = {
    loading: text.loading,
    'not-open': text.notOpenTitle,
    'load-failed': text.loadFailedTitle,
  }
  const title =
    'published' in phase
      ? localized(phase.published.definition.title, locale) || phase.published.title
      : statusTitles[phase.kind]
  useEffect(() => {
    document.documentElement.lang = locale
    document.title = title
  }, [locale, title])

  const failedPage = (retry: () => void) => (
    <StatusPage
      title={text.loadFailedTitle}
      body={text.loadFailedBody}
      action={{ label: text.retry, onClick: retry }}
    />
  )

  const main = useRef<HTMLElement>(null)
  const advance = (kind: 'start' | 'answering' | 'done') => {
    if (!('published' in phase)) return
    setPhase({ ...phase, kind })
    window.scrollTo(0, 0)
    main.current?.focus()
  }

  return (
    <>
      {phase.kind !== 'done' && (
        <header className="app-header">
          <LanguagePicker value={locale} onChange={setLocale} />
        </header>
      )}
      <main ref={main} tabIndex={-1} className={`phase-${phase.kind}`}>
        {phase.kind === 'loading' && (
          <p className="loading" role="status">
            {text.loading}
          </p>
        )}
        {phase.kind === 'not-open' && (
          <StatusPage title={text.notOpenTitle} body={text.notOpenBody} />
        )}
        {phase.kind === 'load-failed' && failedPage(() => void load())}
        {phase.kind === 'code' && slug !== null && (
          <CodeScreen
            title={title}
            slug={slug}
            text={text}
            initialCode={invitationCode}
            onAccepted={(accepted) => {
              setCode(accepted)
              advance('start')
            }}
          />
        )}
        {phase.kind === 'start' && (
          <StartScreen
            title={title}
            definition={phase.published.definition}
            locale={locale}
            text={text}
            onStart={() => advance('answering')}
          />
        )}
        {(phase.kind === 'answering' || phase.kind === 'done') && slug !== null && (
          <LoadBoundary fallback={failedPage}>
            <Suspense fallback={<p className="loading">{text.loading}</p>}>
              <SurveyScreen
                definition={phase.published.definition}
                slug={slug}
                locale={locale}
                text={text}
                code={code}
                onCompleted={() => advance('done')}
              />
            </Suspense>
          </LoadBoundary>
        )}
      </main>
    </>
  )
}
