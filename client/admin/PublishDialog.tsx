import type { SurveyDetail } from './api'
import { ConfirmDialog } from './ConfirmDialog'
import { fill, useI18n } from './i18n'
import { invitationLinkFormat, respondentLink } from './links'

interface Props {
  survey: Pick<SurveyDetail, 'slug' | 'title' | 'access' | 'publicUrl'>
  onConfirm: () => void
  onCancel: () => void
}

/** Before publishing: who can answer from when, at which link, and what stays changeable. */
export function PublishDialog({ survey, onConfirm, onCancel }: Props) {
  const { t } = useI18n()
  const invitationOnly = survey.access === 'invitation'
  const link = invitationOnly
    ? invitationLinkFormat(survey.slug, t.invitationLink.code, survey.publicUrl)
    : respondentLink(survey.slug, survey.publicUrl)
  return (
    <ConfirmDialog
      id="publish-dialog"
      title={fill(t.publishDialog.title, { title: survey.title || survey.slug })}
      confirmLabel={t.publishDialog.confirm}
      tone="primary"
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>
        {invitationOnly ? t.publishDialog.invitationNow : t.publishDialog.openNow}{' '}
        <code className="link-format">{link}</code>
      </p>
      <p>{t.publishDialog.changes}</p>
      <p>
        <strong>{t.publishDialog.final}</strong>
      </p>
    </ConfirmDialog>
  )
}
