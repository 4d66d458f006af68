import { useI18n } from '../i18n'

interface Props {
  /** What the buttons act on, for screen readers: "Move up: sector". */
  what: string
  first: boolean
  last: boolean
  onMove: (step: -1 | 1) => void
  onDuplicate: () => void
  onDelete: () => void
}

// Drawn, not typed: symbol characters leave axe unable to check their contrast.
const ICONS = {
  up: 'M12 5l-7 7h4v7h6v-7h4z',
  down: 'M12 19l7-7h-4V5H9v7H5z',
  copy: 'M8 3h11v13h-3v3H5V6h3zm2 2v9h7V5zM7 8v9h7v-1h-6V8z',
  delete: 'M6 5l6 5.5L18 5l1.5 1.5L14 12l5.5 5.5L18 19l-6-5.5L6 19l-1.5-1.5L10 12 4.5 6.5z',
}

function Icon({ path }: { path: string }) {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path d={path} fill="currentColor" />
    </svg>
  )
}

/** Move up and down, duplicate and delete, as on every page, question and choice. */
export function RowActions({ what, first, last, onMove, onDuplicate, onDelete }: Props) {
  const { t } = useI18n()
  const buttons: [string, string, () => void, boolean, string?][] = [
    [t.moveUp, ICONS.up, () => onMove(-1), first],
    [t.moveDown, ICONS.down, () => onMove(1), last],
    [t.duplicate, ICONS.copy, onDuplicate, false],
    [t.delete, ICONS.delete, onDelete, false, 'danger'],
  ]
  return (
    <div className="row-actions">
      {buttons.map(([label, path, act, disabled, tone]) => (
        <button
          key={label}
          type="button"
          className={`icon-button ${tone ?? ''}`}
          disabled={disabled}
          onClick={act}
          aria-label={`${label}: ${what}`}
          title={label}
        >
          <Icon path={path} />
        </button>
      ))}
    </div>
  )
}
