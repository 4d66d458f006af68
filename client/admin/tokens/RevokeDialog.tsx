import { ConfirmDialog } from '../ConfirmDialog'

interface Props {
  name: string
  onConfirm: () => void
  onCancel: () => void
}

/** Revoking cannot be undone: scripts using the token stop working at once. */
export function RevokeDialog({ name, onConfirm, onCancel }: Props) {
  return (
    <ConfirmDialog
      id="revoke-dialog"
      title={`Revoke “${name}”?`}
      confirmLabel="Revoke token"
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>
        Scripts using this token will get “401 unauthorized” from now on. This cannot be undone.
      </p>
    </ConfirmDialog>
  )
}
