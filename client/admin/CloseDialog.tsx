import { ConfirmDialog } from './ConfirmDialog'
import { plural } from './messages'

interface Props {
  title: string
  responses: number | undefined
  onConfirm: () => void
  onCancel: () => void
}

/** A modal confirmation: closing cannot be undone, so it is said plainly before it happens. */
export function CloseDialog({ title, responses, onConfirm, onCancel }: Props) {
  return (
    <ConfirmDialog
      id="close-dialog"
      title={`Close “${title}”?`}
      confirmLabel="Close survey"
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>
        Respondents will no longer be able to answer: the link will show a “survey not open” page.
      </p>
      <p>
        <strong>Closing is final.</strong> A closed questionnaire cannot be reopened or edited.
        {responses !== undefined &&
          ` The ${plural(responses, 'response')} collected so far will be kept.`}
      </p>
    </ConfirmDialog>
  )
}
