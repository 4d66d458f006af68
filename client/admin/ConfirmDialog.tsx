import { useI18n } from './i18n'
import { useEffect, useRef, type ReactNode } from 'react'

interface Props {
  /** Prefix of the title and body element ids. */
  id: string
  title: ReactNode
  children: ReactNode
  confirmLabel: string
  /** 'danger' for what destroys or stops something; 'primary' for a step forward. */
  tone?: 'danger' | 'primary'
  onConfirm: () => void
  onCancel: () => void
}

/**
 * A modal confirmation for actions that cannot be undone or that break a link already sent: focus
 * starts on Cancel, Escape cancels, and the consequence is read out with the title.
 */
export function ConfirmDialog(props: Props) {
  const { id, title, children, confirmLabel, tone = 'danger', onConfirm, onCancel } = props
  const { t } = useI18n()
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
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onCancel={(event) => {
        event.preventDefault() // Escape: let React unmount it
        onCancel()
      }}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      <div id={`${id}-body`}>{children}</div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel} autoFocus>
          {t.cancel}
        </button>
        <button type="button" className={`button button-${tone}`} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  )
}
