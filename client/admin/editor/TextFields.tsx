import { LANGUAGE_NAMES, useI18n } from '../i18n'
import type { TextRef } from './model/textRefs'
import { LANGS, readText, type Lang } from './model/texts'

interface Props {
  label: string
  value: unknown
  source: Lang
  textRef: TextRef
  textKey: string
  multiline?: boolean
  onText: (ref: TextRef, key: string, lang: Lang, text: string) => void
}

/** One text in Finnish, Swedish and English side by side (stacked on a phone). */
export function TextFields({ label, value, source, textRef, textKey, multiline, onText }: Props) {
  const { t } = useI18n()
  return (
    <fieldset className="text-fields">
      <legend>{label}</legend>
      {LANGS.map((lang) => {
        const props = {
          lang,
          value: readText(value, lang, source),
          'aria-label': `${label} (${LANGUAGE_NAMES[lang]})`,
          onChange: (event: { target: { value: string } }) =>
            onText(textRef, textKey, lang, event.target.value),
        }
        return (
          <label key={lang} className="text-field">
            <span className="text-lang" aria-hidden="true">
              {LANGUAGE_NAMES[lang]}
              {lang === source ? ` (${t.sourceLanguage})` : ''}
            </span>
            {multiline ? <textarea rows={2} {...props} /> : <input type="text" {...props} />}
          </label>
        )
      })}
    </fieldset>
  )
}
