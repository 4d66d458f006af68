import { useEffect, useRef } from 'react'
import { plural } from './messages'

interface Props {
  title: string
  responses: number | undefined
  onConfirm: () => void
  onCancel: () => void
}

/** A modal confirmation: closing cannot be undone, so it is said plainly before it happens. */
export function CloseDialog({ title, responses, onConfirm, onCancel }: Props) {
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
      aria-labelledby="close-dialog-title"
      aria-describedby="close-dialog-body"
      onCancel={(event) => {
        event.preventDefault() // Escape: let React unmount it
        onCancel()
      }}
    >
      <h2 id="close-dialog-title">Close “{title}”?</h2>
      <div id="close-dialog-body">
        <p>
          Respondents will no longer be able to answer: the link will show a “survey not open” page.
        </p>
        <p>
          <strong>Closing is final.</strong> A closed questionnaire cannot be reopened or edited.
          {responses !== undefined &&
            ` The ${plural(responses, 'response')} collected so far will be kept.`}
        </p>
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel} autoFocus>
          Cancel
        </button>
        <button type="button" className="button button-danger" onClick={onConfirm}>
          Close survey
        </button>
      </div>
    </dialog>
  )
}
