import { createContext, useContext, useEffect, useState, type ReactNode } from 'react'
import {
  initialLocale,
  isLocale,
  LANGUAGE_NAMES,
  LOCALES,
  type Locale,
} from '../../respondent/i18n'
import { en, type Messages } from './en'
import { fi } from './fi'
import { sv } from './sv'

const MESSAGES: Record<Locale, Messages> = { fi, sv, en }
// The admin's own choice of language; an interface setting, nothing about respondents.
const STORAGE_KEY = 'admin-language'

interface I18n {
  locale: Locale
  t: Messages
  setLocale: (locale: Locale) => void
}

const I18nContext = createContext<I18n>({ locale: 'en', t: en, setLocale: () => {} })

// The chosen texts for code outside components (failure messages, save notices), which words
// its sentence when something happens; kept in step by the provider.
let current: Messages = en
export const currentMessages = (): Messages => current

function startLocale(): Locale {
  const saved = localStorage.getItem(STORAGE_KEY)
  return isLocale(saved) ? saved : initialLocale(location.search, navigator.languages ?? [])
}

/** The browser's language (as the respondent app), until the admin picks another. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocale] = useState<Locale>(startLocale)
  useEffect(() => {
    document.documentElement.lang = locale
  }, [locale])
  const choose = (next: Locale) => {
    localStorage.setItem(STORAGE_KEY, next)
    setLocale(next)
  }
  current = MESSAGES[locale]
  return (
    <I18nContext.Provider value={{ locale, t: MESSAGES[locale], setLocale: choose }}>
      {children}
    </I18nContext.Provider>
  )
}

export const useI18n = () => useContext(I18nContext)

/** `{name}` placeholders filled in. */
export const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (whole, key: string) => String(values[key] ?? whole))

/** fi / sv / en as pressed buttons: the admin app's language, or the preview's. */
interface LocaleButtonsProps {
  label: string
  value: Locale
  onChange: (locale: Locale) => void
}

export function LocaleButtons(props: LocaleButtonsProps) {
  return (
    <div className="segmented" role="group" aria-label={props.label}>
      {LOCALES.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          aria-pressed={code === props.value}
          onClick={() => props.onChange(code)}
        >
          {LANGUAGE_NAMES[code]}
        </button>
      ))}
    </div>
  )
}

export function LanguagePicker() {
  const { locale, t, setLocale } = useI18n()
  return <LocaleButtons label={t.uiLanguage} value={locale} onChange={setLocale} />
}

export { LANGUAGE_NAMES, LOCALES }
