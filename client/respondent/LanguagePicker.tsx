import { LANGUAGE_NAMES, LOCALES, STRINGS, type Locale } from './i18n'

interface Props {
  value: Locale
  onChange: (locale: Locale) => void
}

/** A segmented control of real buttons; `aria-pressed` tells assistive tech which is chosen. */
export function LanguagePicker({ value, onChange }: Props) {
  return (
    <div className="language-picker" role="group" aria-label={STRINGS[value].languageGroup}>
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          aria-pressed={locale === value}
          onClick={() => onChange(locale)}
        >
          {LANGUAGE_NAMES[locale]}
        </button>
      ))}
    </div>
  )
}
