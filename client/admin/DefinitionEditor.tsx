import { fill, useI18n } from './i18n'
import { api } from './api'
import { EditorForm } from './EditorForm'
import { LoadFailed } from './LoadFailed'
import { Missing } from './Missing'
import { PageHeading } from './PageHeading'
import { useLoad } from './useLoad'

/** New questionnaire (no slug) or a new definition for an existing one. */
export function DefinitionEditor({ slug }: { slug?: string }) {
  return slug === undefined ? <EditorForm target={{ kind: 'new' }} /> : <EditExisting slug={slug} />
}

function EditExisting({ slug }: { slug: string }) {
  const { t } = useI18n()
  const { state, reload } = useLoad(() => api.getSurvey(slug), slug)
  if (state.kind === 'ok') {
    if (state.data.status === 'closed') {
      return <Missing title={t.statusNames.closed} body={t.closedNote} />
    }
    return <EditorForm target={{ kind: 'edit', survey: state.data }} />
  }
  if (state.kind === 'failed' && state.failure.code === 'survey_not_found') {
    return <Missing title={t.notFoundTitle} body={fill(t.notFoundBody, { slug })} />
  }
  return (
    <main className="page">
      <PageHeading>{fill(t.editTitle, { title: slug })}</PageHeading>
      {state.kind === 'loading' && <p role="status">{t.loading}</p>}
      {state.kind === 'failed' && <LoadFailed failure={state.failure} onRetry={reload} />}
    </main>
  )
}
