import { fill, useI18n } from '../i18n'
import { ConfirmDialog } from '../ConfirmDialog'

interface Props {
  name: string
  onConfirm: () => void
  onCancel: () => void
}

/** Revoking cannot be undone: scripts using the token stop working at once. */
export function RevokeDialog({ name, onConfirm, onCancel }: Props) {
  const { tokens: t } = useI18n().t
  return (
    <ConfirmDialog
      id="revoke-dialog"
      title={fill(t.revokeTitle, { name })}
      confirmLabel={t.revokeConfirm}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>{t.revokeBody}</p>
    </ConfirmDialog>
  )
}
