import { useState } from 'react'
import { api, type SurveyDetail } from './api'
import { CloseDialog } from './CloseDialog'
import { fill, useI18n } from './i18n'
import { describeFailure } from './messages'
import { PublishDialog } from './PublishDialog'
import { Link, paths } from './router'

interface Props {
  survey: SurveyDetail & { responses?: number }
  /** After a change, or after a conflict, so the page shows the current status. */
  onChanged: (notice: string) => void
}

/** What an admin can do with a survey in its current status. */
export function SurveyActions({ survey, onChanged }: Props) {
  const { t } = useI18n()
  const [busy, setBusy] = useState(false)
  // Which change waits for the admin's confirmation in a dialog.
  const [confirming, setConfirming] = useState<'publish' | 'close' | null>(null)
  const [error, setError] = useState<string | null>(null)

  const change = async (action: 'publish' | 'close') => {
    setConfirming(null)
    setBusy(true)
    setError(null)
    const result = await api.changeStatus(survey.slug, action)
    setBusy(false)
    if (result.ok) {
      onChanged(action === 'publish' ? t.published : t.closed)
      return
    }
    setError(describeFailure(result))
    if (result.status === 409) onChanged('')
  }

  return (
    <section className="actions" aria-labelledby="actions-title">
      <h2 id="actions-title">{t.actions}</h2>
      {survey.status === 'draft' && (
        <div className="action">
          <button
            type="button"
            className="button button-primary"
            disabled={busy}
            onClick={() => setConfirming('publish')}
          >
            {t.publish}
          </button>
          <p className="hint">{t.publishHint}</p>
        </div>
      )}
      {survey.status === 'open' && (
        <div className="action">
          <button
            type="button"
            className="button button-danger"
            disabled={busy}
            onClick={() => setConfirming('close')}
          >
            {t.closeSurvey}
          </button>
          <p className="hint">{t.closeHint}</p>
        </div>
      )}
      {survey.status !== 'closed' && (
        <div className="action">
          <Link href={paths.edit(survey.slug)} className="button">
            {t.editDefinition}
          </Link>
          <p className="hint">
            {survey.status === 'draft'
              ? t.editDraftHint
              : fill(t.editOpenHint, { next: survey.version + 1, current: survey.version })}
          </p>
        </div>
      )}
      {survey.status === 'closed' && <p>{t.closedNote}</p>}
      <div role="alert" className={error ? 'error-box' : undefined}>
        {error}
      </div>
      {confirming === 'publish' && (
        <PublishDialog
          survey={survey}
          onConfirm={() => void change('publish')}
          onCancel={() => setConfirming(null)}
        />
      )}
      {confirming === 'close' && (
        <CloseDialog
          title={survey.title || survey.slug}
          responses={survey.responses}
          onConfirm={() => void change('close')}
          onCancel={() => setConfirming(null)}
        />
      )}
    </section>
  )
}
