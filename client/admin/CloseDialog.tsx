import { fill, useI18n } from './i18n'
import { ConfirmDialog } from './ConfirmDialog'

interface Props {
  title: string
  responses: number | undefined
  onConfirm: () => void
  onCancel: () => void
}

/** A modal confirmation: closing cannot be undone, so it is said plainly before it happens. */
export function CloseDialog({ title, responses, onConfirm, onCancel }: Props) {
  const { closeDialog: t } = useI18n().t
  const count = (n: number) => `${n} ${n === 1 ? t.response : t.responses}`
  return (
    <ConfirmDialog
      id="close-dialog"
      title={fill(t.title, { title })}
      confirmLabel={t.confirm}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>{t.body}</p>
      <p>
        <strong>{t.final}</strong> {t.finalBody}
        {responses !== undefined && ` ${fill(t.kept, { n: count(responses) })}`}
      </p>
    </ConfirmDialog>
  )
}
