import { useMemo } from 'react'
import { useI18n } from '../i18n'
import { unknownProperties } from './unknownProperties'

/** Loaded with the preview (it needs survey-core): lists what SurveyJS will ignore. */
export default function UnknownWarnings({ definition }: { definition: Record<string, unknown> }) {
  const { t } = useI18n()
  const found = useMemo(() => unknownProperties(definition), [definition])
  if (found.length === 0) return null
  return (
    <div className="warning-box" role="note">
      <p>{t.unknownProperties}</p>
      <ul>
        {found.map((name) => (
          <li key={name}>
            <code>{name}</code>
          </li>
        ))}
      </ul>
    </div>
  )
}
