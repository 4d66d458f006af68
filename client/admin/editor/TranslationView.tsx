import { useState } from 'react'
import { fill, LANGUAGE_NAMES, useI18n } from '../i18n'
import * as ops from './model/operations'
import type { TextEntry } from './model/textRefs'
import { sourcesOf, translationStatus } from './model/translations'
import { readText, sourceLang, type Json, type Lang } from './model/texts'
import type { Edit } from './VisualEditor'

/** Per language: missing and outdated texts, each written or confirmed right here. */
export function TranslationView({ definition, edit }: { definition: Json; edit: Edit }) {
  const { t } = useI18n()
  const status = translationStatus(definition)
  const source = sourceLang(definition)
  const [lang, setLang] = useState<Lang>(() => status.find((s) => !s.isSource)?.lang ?? 'fi')
  const current = status.find((s) => s.lang === lang) ?? status[0]
  const sources = sourcesOf(definition)

  return (
    <div className="translations">
      <p className="hint">{t.translationsIntro}</p>
      <div className="segmented" role="group" aria-label={t.tabTranslations}>
        {status.map((s) => (
          <button
            key={s.lang}
            type="button"
            aria-pressed={s.lang === lang}
            onClick={() => setLang(s.lang)}
          >
            <span lang={s.lang}>{LANGUAGE_NAMES[s.lang]}</span>
            {': '}
            {fill(t.missingCount, { n: s.missing.length })}
            {s.isSource ? '' : `, ${fill(t.outdatedCount, { n: s.outdated.length })}`}
          </button>
        ))}
      </div>
      {current.missing.length + current.outdated.length === 0 && (
        <p role="status">{t.allTranslated}</p>
      )}
      {current.missing.length > 0 && (
        <section aria-labelledby="missing-title">
          <h3 id="missing-title">{`${t.missingHeading} (${current.missing.length})`}</h3>
          <ul className="translation-list">
            {current.missing.map((entry) => (
              <TextToTranslate
                key={entry.key}
                entry={entry}
                lang={lang}
                source={source}
                edit={edit}
              />
            ))}
          </ul>
        </section>
      )}
      {current.outdated.length > 0 && (
        <section aria-labelledby="outdated-title">
          <h3 id="outdated-title">{`${t.outdatedHeading} (${current.outdated.length})`}</h3>
          <ul className="translation-list">
            {current.outdated.map((entry) => (
              <TextToTranslate
                key={entry.key}
                entry={entry}
                lang={lang}
                source={source}
                was={sources[entry.key]?.[lang]}
                edit={edit}
              />
            ))}
          </ul>
        </section>
      )}
    </div>
  )
}

interface RowProps {
  entry: TextEntry
  lang: Lang
  source: Lang
  /** For an outdated translation: the source text it was written for. */
  was?: string
  edit: Edit
}

function TextToTranslate({ entry, lang, source, was, edit }: RowProps) {
  const { t } = useI18n()
  const original = readText(entry.value, source, source)
  const label = `${entry.key} (${LANGUAGE_NAMES[lang]})`
  return (
    <li className="translation-row" data-key={entry.key}>
      <p className="translation-key">
        <code>{entry.key}</code>
      </p>
      {lang !== source && (
        <p lang={source}>
          <strong>{`${LANGUAGE_NAMES[source]}: `}</strong>
          {original}
        </p>
      )}
      {was !== undefined && <p className="hint">{fill(t.translationWasFor, { text: was })}</p>}
      <input
        type="text"
        lang={lang}
        aria-label={label}
        value={readText(entry.value, lang, source)}
        onChange={(e) => edit((d) => ops.setText(d, entry.ref, entry.key, lang, e.target.value))}
      />
      {was !== undefined && (
        <button
          type="button"
          className="button"
          onClick={() => edit((d) => ops.confirmTranslation(d, entry.ref, entry.key, lang))}
        >
          {t.stillCorrect}
        </button>
      )}
    </li>
  )
}
