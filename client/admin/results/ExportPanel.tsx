import { useEffect, useState } from 'react'
import { useSession } from '../session'
import { ExportPreview } from './ExportPreview'
import { useResultTexts } from './texts'

interface Props {
  slug: string
  /** The release shown; null means the latest. */
  release: number | null
  /** Dimensions of the table shown, so the download matches the screen. */
  by?: string[]
  /** Language of the labels beside the codes in the results files (the page's language). */
  labelLang?: string
}

const LANGUAGES = [
  ['en', 'languageEn'],
  ['fi', 'languageFi'],
  ['sv', 'languageSv'],
] as const

const href = (slug: string, path: string, params: Record<string, string | undefined>) => {
  const query = new URLSearchParams(
    Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined),
  )
  return `/api/admin/surveys/${encodeURIComponent(slug)}/${path}?${query}`
}

/** Download links for researchers' own tools; the files show no more than this page. */
export function ExportPanel({ slug, release, by, labelLang }: Props) {
  const isAdmin = useSession().user.role === 'admin'
  const { r } = useResultTexts()
  const [lang, setLang] = useState<string>(labelLang ?? 'en')
  // The files follow the page's language when it changes; the select can still pick another.
  useEffect(() => {
    if (labelLang) setLang(labelLang)
  }, [labelLang])
  const common = { by: by?.join(','), release: release === null ? undefined : String(release) }
  const aggregates = (format: string) => href(slug, 'export', { format, lang, ...common })
  const codebook = (format: string) => href(slug, 'codebook', { format })
  const knowledge = (format: string) =>
    href(slug, 'export', { level: 'knowledge', format, ...common })
  const responses = (format: string) =>
    href(slug, 'export', { level: 'responses', format, lang, release: common.release })

  return (
    <section aria-labelledby="export-title" className="export-panel">
      <h2 id="export-title">{r.exportTitle}</h2>
      <p className="hint">{r.exportIntro}</p>
      <label className="results-field">
        {r.labelsIn}{' '}
        <select value={lang} onChange={(e) => setLang(e.target.value)}>
          {LANGUAGES.map(([code, name]) => (
            <option key={code} value={code}>
              {r[name]}
            </option>
          ))}
        </select>
      </label>
      <ul className="export-links">
        <li>
          {r.resultsFiles}{' '}
          <a href={aggregates('csv')} download>
            {r.csv}
          </a>{' '}
          ·{' '}
          <a href={aggregates('csv-semicolon')} download>
            {r.csvSemicolon}
          </a>{' '}
          ·{' '}
          <a href={aggregates('xlsx')} download>
            {r.excel}
          </a>{' '}
          ·{' '}
          <a href={aggregates('json')} download>
            {r.json}
          </a>
        </li>
        <li>
          {r.knowledgeFiles}{' '}
          <a href={knowledge('csv')} download>
            {r.csv}
          </a>{' '}
          ·{' '}
          <a href={knowledge('xlsx')} download>
            {r.excel}
          </a>{' '}
          ·{' '}
          <a href={knowledge('json')} download>
            {r.json}
          </a>
        </li>
        <li>
          {r.codebook}{' '}
          <a href={codebook('md')} download>
            {r.markdown}
          </a>{' '}
          ·{' '}
          <a href={codebook('csv')} download>
            {r.csv}
          </a>{' '}
          ·{' '}
          <a href={codebook('json')} download>
            {r.json}
          </a>
        </li>
        {isAdmin && (
          <li>
            {r.responseFiles}{' '}
            <a href={responses('zip')} download>
              {r.zip}
            </a>{' '}
            ·{' '}
            <a href={responses('csv')} download>
              {r.csvOnly}
            </a>
          </li>
        )}
      </ul>
      <ExportPreview url={aggregates('csv')} />
      {isAdmin && (
        <p className="hint">{r.responseFileHint}</p>
      )}
    </section>
  )
}
