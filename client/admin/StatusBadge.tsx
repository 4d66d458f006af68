import { useI18n } from './i18n'
import type { SurveyStatus } from './api'

/** Text, not colour alone, says the status. */
export function StatusBadge({ status }: { status: SurveyStatus }) {
  const { t } = useI18n()
  return <span className={`badge badge-${status}`}>{t.statusNames[status]}</span>
}
