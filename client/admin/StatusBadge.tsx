import type { SurveyStatus } from './api'

const LABELS: Record<SurveyStatus, string> = { draft: 'Draft', open: 'Open', closed: 'Closed' }

/** Text, not colour alone, says the status. */
export function StatusBadge({ status }: { status: SurveyStatus }) {
  return <span className={`badge badge-${status}`}>{LABELS[status]}</span>
}
