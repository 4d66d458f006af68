import { useEffect, useRef } from 'react'

interface Props {
  name: string
  onConfirm: () => void
  onCancel: () => void
}

/** Revoking cannot be undone: scripts using the token stop working at once. */
export function RevokeDialog({ name, onConfirm, onCancel }: Props) {
  const dialog = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const element = dialog.current
    element?.showModal()
    return () => element?.close()
  }, [])

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby="revoke-dialog-title"
      aria-describedby="revoke-dialog-body"
      onCancel={(event) => {
        event.preventDefault() // Escape: let React unmount it
        onCancel()
      }}
    >
      <h2 id="revoke-dialog-title">Revoke “{name}”?</h2>
      <p id="revoke-dialog-body">
        Scripts using this token will get “401 unauthorized” from now on. This cannot be undone.
      </p>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel} autoFocus>
          Cancel
        </button>
        <button type="button" className="button button-danger" onClick={onConfirm}>
          Revoke token
        </button>
      </div>
    </dialog>
  )
}
