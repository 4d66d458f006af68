import { lazy, Suspense, useMemo, useRef, useState, type FormEvent } from 'react'
import { DefinitionSource } from './DefinitionSource'
import { readDefinition } from './definitionText'
import { EditorViews } from './editor/EditorViews'
import { adoptTranslations } from './editor/model/translations'
import { useDefinitionState } from './editor/useDefinitionState'
import './editor/editor.css'
import { fill, useI18n } from './i18n'
import { setFlash } from './flash'
import { PageHeading } from './PageHeading'
import { PreviewBoundary } from './PreviewBoundary'
import { Link, navigate, paths } from './router'
import { saveDefinition, type Target } from './saveDefinition'
import { ServerErrors, type Problem } from './ServerErrors'
import { SlugField } from './SlugField'
import { isValidSlug, suggestSlug, titleOf } from './slugSuggestion'
import { useDebounced } from './useDebounced'
import { useUnsavedGuard } from './useUnsavedGuard'

// SurveyJS is large: fetched only once there is something to preview.
const Preview = lazy(() => import('./Preview'))
const UnknownWarnings = lazy(() => import('./editor/UnknownWarnings'))

// A new questionnaire starts as one empty page, ready for its first question.
const STARTER = { title: '', pages: [{ name: 'page1', elements: [] }] }

/** Slug (new only), the questionnaire as questions, translations or JSON, save, and a preview. */
export function EditorForm({ target }: { target: Target }) {
  const { t } = useI18n()
  const survey = target.kind === 'edit' ? target.survey : null
  const state = useDefinitionState(survey ? survey.definition : STARTER)
  const { text, initialText, setText } = state
  // Until the admin types a slug (or uploads a file named like one), it follows the title.
  const [ownSlug, setOwnSlug] = useState<string | null>(null)
  const slug = ownSlug ?? suggestSlug(titleOf(state.definition))
  const [slugError, setSlugError] = useState<string | null>(null)
  const [problem, setProblem] = useState<Problem | null>(null)
  const [busy, setBusy] = useState(false)
  const textarea = useRef<HTMLTextAreaElement>(null)
  const slugInput = useRef<HTMLInputElement>(null)

  // Parsed and previewed once typing pauses, not at every keystroke.
  const settled = useDebounced(text, 400)
  const read = useMemo(() => readDefinition(settled), [settled])
  useUnsavedGuard(text !== initialText || Boolean(ownSlug), t.unsavedQuestion)

  const onText = (next: string, fileName?: string) => {
    setText(next)
    setProblem(null) // the last save's objections were about the old text
    // A file named like a slug ("nurses-2027.json") suggests one.
    const fromFile = fileName?.replace(/\.json$/i, '').toLowerCase()
    if (!survey && ownSlug === null && fromFile && isValidSlug(fromFile)) setOwnSlug(fromFile)
  }

  const save = async (event: FormEvent) => {
    event.preventDefault()
    setProblem(null)
    setSlugError(null)
    if (!survey && !isValidSlug(slug)) {
      setSlugError(slug === '' ? t.slugMissing : fill(t.slugInvalid, { slug }))
      return slugInput.current?.focus()
    }
    const current = readDefinition(text)
    if (current.kind === 'empty') {
      setProblem({ message: t.saves.notSavedEmpty })
      return textarea.current?.focus()
    }
    if (current.kind === 'problem') {
      // The text area already describes the problem (aria-describedby): go to it.
      const at = current.problem.offset ?? 0
      textarea.current?.focus()
      return textarea.current?.setSelectionRange(at, at + 1)
    }
    setBusy(true)
    // Opening and saving unchanged must not make a new version just for the adopted records.
    const unchanged = survey && text === initialText
    const definition = unchanged ? survey.definition : adoptTranslations(current.definition)
    const outcome = await saveDefinition(target, slug, definition)
    setBusy(false)
    if (outcome.ok) {
      setFlash(outcome.notice)
      return navigate(paths.survey(outcome.slug), { force: true })
    }
    setProblem(outcome.problem ?? null)
    setSlugError(outcome.slugError ?? null)
    if (outcome.slugError) slugInput.current?.focus()
  }

  const title = survey
    ? fill(t.editTitle, { title: survey.title || survey.slug })
    : t.newQuestionnaire
  const saveLabel = !survey
    ? t.saveAsDraft
    : survey.status === 'draft'
      ? t.saveDraft
      : fill(t.saveAsVersion, { n: survey.version + 1 })

  return (
    <main className="page page-wide">
      <p className="breadcrumb">
        <Link href={paths.list}>{t.questionnaires}</Link>
        {survey && (
          <>
            {' / '}
            <Link href={paths.survey(survey.slug)}>{survey.slug}</Link>
          </>
        )}
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      {survey && <VersionNote status={survey.status} version={survey.version} />}
      <div className="editor">
        <form className="editor-source" onSubmit={save} noValidate>
          {!survey && (
            <SlugField
              value={slug}
              onChange={(next) => {
                setOwnSlug(next)
                setSlugError(null)
              }}
              error={slugError}
              inputRef={slugInput}
              fromTitle={ownSlug === null}
            />
          )}
          <EditorViews
            state={state}
            json={(shown) => (
              <DefinitionSource
                text={text}
                onText={onText}
                problem={read.kind === 'problem' ? read.problem : null}
                textareaRef={textarea}
                textShown={shown}
              />
            )}
          />
          {read.kind === 'ok' && (
            <Suspense fallback={null}>
              <UnknownWarnings definition={read.definition} />
            </Suspense>
          )}
          <ServerErrors problem={problem} />
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              {busy ? t.saving : saveLabel}
            </button>
            <Link href={survey ? paths.survey(survey.slug) : paths.list} className="button">
              {t.cancel}
            </Link>
          </div>
        </form>
        {/* Outside the form: the survey's own buttons and Enter key must not submit it. */}
        <section className="editor-preview" aria-labelledby="preview-title">
          <h2 id="preview-title">{t.preview}</h2>
          {read.kind === 'ok' ? (
            <PreviewBoundary resetKey={read.definition}>
              <Suspense fallback={<p role="status">{t.previewLoading}</p>}>
                <Preview definition={read.definition} />
              </Suspense>
            </PreviewBoundary>
          ) : (
            <p className="hint">{t.previewWaiting}</p>
          )}
        </section>
      </div>
    </main>
  )
}

function VersionNote({ status, version }: { status: string; version: number }) {
  const { t } = useI18n()
  return (
    <p className="notice">
      {status === 'draft' ? t.draftNote : fill(t.openNote, { next: version + 1, current: version })}
    </p>
  )
}
