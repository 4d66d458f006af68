import { useState } from 'react'
import { api, type SurveyDetail } from './api'
import { CloseDialog } from './CloseDialog'
import { describeFailure } from './messages'
import { Link, paths } from './router'

interface Props {
  survey: SurveyDetail & { responses?: number }
  /** After a change, or after a conflict, so the page shows the current status. */
  onChanged: (notice: string) => void
}

/** What an admin can do with a survey in its current status. */
export function SurveyActions({ survey, onChanged }: Props) {
  const [busy, setBusy] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const change = async (action: 'publish' | 'close') => {
    setConfirming(false)
    setBusy(true)
    setError(null)
    const result = await api.changeStatus(survey.slug, action)
    setBusy(false)
    if (result.ok) {
      onChanged(
        action === 'publish'
          ? 'Published: respondents can now answer at the link above.'
          : 'Closed: respondents can no longer answer.',
      )
      return
    }
    setError(describeFailure(result))
    if (result.status === 409) onChanged('')
  }

  return (
    <section className="actions" aria-labelledby="actions-title">
      <h2 id="actions-title">Actions</h2>
      {survey.status === 'draft' && (
        <div className="action">
          <button
            type="button"
            className="button button-primary"
            disabled={busy}
            onClick={() => void change('publish')}
          >
            Publish
          </button>
          <p className="hint">Opens the questionnaire to respondents at the link above.</p>
        </div>
      )}
      {survey.status === 'open' && (
        <div className="action">
          <button
            type="button"
            className="button button-danger"
            disabled={busy}
            onClick={() => setConfirming(true)}
          >
            Close survey…
          </button>
          <p className="hint">Stops taking responses. Closing is final.</p>
        </div>
      )}
      {survey.status !== 'closed' && (
        <div className="action">
          <Link href={paths.edit(survey.slug)} className="button">
            Edit definition
          </Link>
          <p className="hint">
            {survey.status === 'draft'
              ? 'Saving replaces this draft’s definition.'
              : `Saving creates version ${survey.version + 1}; respondents get it from their next visit and responses so far stay with version ${survey.version}.`}
          </p>
        </div>
      )}
      {survey.status === 'closed' && (
        <p>This questionnaire is closed: it can no longer be answered, published or edited.</p>
      )}
      <div role="alert" className={error ? 'error-box' : undefined}>
        {error}
      </div>
      {confirming && (
        <CloseDialog
          title={survey.title || survey.slug}
          responses={survey.responses}
          onConfirm={() => void change('close')}
          onCancel={() => setConfirming(false)}
        />
      )}
    </section>
  )
}
