import { lazy, Suspense, useEffect, useState } from 'react'
import { api, type ApiResult, type SurveyDetail } from './api'
import { CopyLink } from './CopyLink'
import { InvitationCodes } from './InvitationCodes'
import { clearFlash, peekFlash } from './flash'
import { LoadFailed } from './LoadFailed'
import { PageHeading } from './PageHeading'
import { Missing } from './Missing'
import { PreviewBoundary } from './PreviewBoundary'
import { Link, paths } from './router'
import { useSession } from './session'
import { StatusBadge } from './StatusBadge'
import { SurveyActions } from './SurveyActions'
import { useLoad } from './useLoad'
import { XlsFormTools } from './xlsform/XlsFormTools'

// SurveyJS is large: fetched only when a preview is shown.
const Preview = lazy(() => import('./Preview'))

type Loaded = SurveyDetail & { responses?: number }

async function loadSurvey(slug: string): Promise<ApiResult<Loaded>> {
  // The response count is only in the list; without it the page still works.
  const [detail, list] = await Promise.all([api.getSurvey(slug), api.listSurveys()])
  if (!detail.ok) return detail
  const summary = list.ok ? list.data.surveys.find((s) => s.slug === slug) : undefined
  return { ok: true, data: { ...detail.data, responses: summary?.responses } }
}

const LINK_NOTES = {
  draft: 'Respondents see a “not open” page until the questionnaire is published.',
  open: 'Anyone with this link can answer.',
  closed: 'The link now shows a “not open” page.',
}

export function SurveyPage({ slug }: { slug: string }) {
  const { user } = useSession()
  const { state, reload } = useLoad(() => loadSurvey(slug), slug)
  const [notice, setNotice] = useState(peekFlash)
  useEffect(clearFlash, [])
  const [preview, setPreview] = useState(false)

  if (state.kind === 'failed' && state.failure.code === 'survey_not_found') {
    return <Missing title="Questionnaire not found" body={`No questionnaire “${slug}” exists.`} />
  }
  const survey = state.kind === 'ok' ? state.data : null

  return (
    <main className="page">
      <p className="breadcrumb">
        <Link href={paths.list}>Questionnaires</Link> / {slug}
      </p>
      <PageHeading title={survey?.title || slug}>{survey?.title || slug}</PageHeading>
      <p role="status" className={notice ? 'notice' : undefined}>
        {notice}
      </p>
      {state.kind === 'loading' && <p role="status">Loading…</p>}
      {state.kind === 'failed' && <LoadFailed failure={state.failure} onRetry={reload} />}
      {survey && (
        <>
          <dl className="facts">
            <dt>Status</dt>
            <dd>
              <StatusBadge status={survey.status} />
            </dd>
            <dt>Version</dt>
            <dd>{survey.version}</dd>
            {survey.responses !== undefined && (
              <>
                <dt>Responses</dt>
                <dd>{survey.responses}</dd>
              </>
            )}
          </dl>
          <p>
            <Link href={paths.results(survey.slug)} className="button">
              Results
            </Link>
          </p>
          <CopyLink slug={survey.slug} />
          <p className="hint">
            {survey.status === 'open' && survey.access === 'invitation'
              ? 'Only people with an invitation code can answer.'
              : LINK_NOTES[survey.status]}
          </p>
          {user.role === 'admin' && (
            <SurveyActions
              survey={survey}
              onChanged={(message) => {
                setNotice(message)
                reload()
              }}
            />
          )}
          {user.role === 'admin' && (
            <InvitationCodes slug={survey.slug} status={survey.status} onAccessChanged={reload} />
          )}
          <XlsFormTools
            slug={survey.slug}
            version={survey.version}
            canImport={user.role === 'admin' && survey.status !== 'closed'}
            onImported={reload}
          />
          <section aria-labelledby="preview-title">
            <h2 id="preview-title">Preview</h2>
            <button
              type="button"
              className="button"
              aria-expanded={preview}
              onClick={() => setPreview((shown) => !shown)}
            >
              {preview ? 'Hide preview' : 'Show preview'}
            </button>
            {preview && (
              <PreviewBoundary resetKey={survey.definition}>
                <Suspense fallback={<p role="status">Loading the preview…</p>}>
                  <Preview definition={survey.definition} />
                </Suspense>
              </PreviewBoundary>
            )}
          </section>
        </>
      )}
    </main>
  )
}
