import { lazy, Suspense, useEffect, useState } from 'react'
import { api, type ApiResult, type SurveyDetail } from './api'
import { CopyLink } from './CopyLink'
import { InvitationCodes } from './InvitationCodes'
import { fill, useI18n } from './i18n'
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

export function SurveyPage({ slug }: { slug: string }) {
  const { user } = useSession()
  const { t } = useI18n()
  const { state, reload } = useLoad(() => loadSurvey(slug), slug)
  const [notice, setNotice] = useState(peekFlash)
  useEffect(clearFlash, [])
  const [preview, setPreview] = useState(false)

  if (state.kind === 'failed' && state.failure.code === 'survey_not_found') {
    return <Missing title={t.notFoundTitle} body={fill(t.notFoundBody, { slug })} />
  }
  const survey = state.kind === 'ok' ? state.data : null

  return (
    <main className="page">
      <p className="breadcrumb">
        <Link href={paths.list}>{t.questionnaires}</Link> / {slug}
      </p>
      <PageHeading title={survey?.title || slug}>{survey?.title || slug}</PageHeading>
      <p role="status" className={notice ? 'notice' : undefined}>
        {notice}
      </p>
      {state.kind === 'loading' && <p role="status">{t.loading}</p>}
      {state.kind === 'failed' && <LoadFailed failure={state.failure} onRetry={reload} />}
      {survey && (
        <>
          <dl className="facts">
            <dt>{t.status}</dt>
            <dd>
              <StatusBadge status={survey.status} />
            </dd>
            <dt>{t.version}</dt>
            <dd>{survey.version}</dd>
            {survey.responses !== undefined && (
              <>
                <dt>{t.responses}</dt>
                <dd>{survey.responses}</dd>
              </>
            )}
          </dl>
          <p>
            <Link href={paths.results(survey.slug)} className="button">
              {t.results}
            </Link>
          </p>
          <CopyLink slug={survey.slug} publicUrl={survey.publicUrl} />
          <p className="hint">
            {survey.status === 'open' && survey.access === 'invitation'
              ? t.invitationOnlyNote
              : t.linkNotes[survey.status]}
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
            <InvitationCodes
              slug={survey.slug}
              title={survey.title || survey.slug}
              status={survey.status}
              publicUrl={survey.publicUrl}
              onAccessChanged={reload}
            />
          )}
          <XlsFormTools
            slug={survey.slug}
            version={survey.version}
            canImport={user.role === 'admin' && survey.status !== 'closed'}
            onImported={reload}
          />
          <section aria-labelledby="preview-title">
            <h2 id="preview-title">{t.preview}</h2>
            <button
              type="button"
              className="button"
              aria-expanded={preview}
              onClick={() => setPreview((shown) => !shown)}
            >
              {preview ? t.hidePreview : t.showPreview}
            </button>
            {preview && (
              <PreviewBoundary resetKey={survey.definition}>
                <Suspense fallback={<p role="status">{t.previewLoading}</p>}>
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
