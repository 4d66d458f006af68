import { useEffect, useState } from 'react'
import { useSession } from '../session'
import { ExportPreview } from './ExportPreview'

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
  ['en', 'English'],
  ['fi', 'suomi'],
  ['sv', 'svenska'],
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
      <h2 id="export-title">Export</h2>
      <p className="hint">
        The same figures as shown here, with the same groups hidden: a tidy table with one row per
        table, group, question and answer. It holds the table above and one table per dimension
        and per level, such as collaborative areas of regions (what the charts and the option table
        show), labels beside the codes, and every percentage from 0 to 100 with one decimal.
      </p>
      <label className="results-field">
        Labels beside the codes in{' '}
        <select value={lang} onChange={(e) => setLang(e.target.value)}>
          {LANGUAGES.map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <ul className="export-links">
        <li>
          Results:{' '}
          <a href={aggregates('csv')} download>
            CSV
          </a>{' '}
          ·{' '}
          <a href={aggregates('csv-semicolon')} download>
            CSV for Finnish or Swedish Excel (semicolons, decimal commas)
          </a>{' '}
          ·{' '}
          <a href={aggregates('xlsx')} download>
            Excel workbook
          </a>{' '}
          ·{' '}
          <a href={aggregates('json')} download>
            JSON
          </a>
        </li>
        <li>
          Knowledge figures:{' '}
          <a href={knowledge('csv')} download>
            CSV
          </a>{' '}
          ·{' '}
          <a href={knowledge('xlsx')} download>
            Excel workbook
          </a>{' '}
          ·{' '}
          <a href={knowledge('json')} download>
            JSON
          </a>
        </li>
        <li>
          Codebook:{' '}
          <a href={codebook('md')} download>
            Markdown
          </a>{' '}
          ·{' '}
          <a href={codebook('csv')} download>
            CSV
          </a>{' '}
          ·{' '}
          <a href={codebook('json')} download>
            JSON
          </a>
        </li>
        {isAdmin && (
          <li>
            Anonymised responses (admins):{' '}
            <a href={responses('zip')} download>
              CSV with R and SPSS scripts (zip)
            </a>{' '}
            ·{' '}
            <a href={responses('csv')} download>
              CSV only
            </a>
          </li>
        )}
      </ul>
      <ExportPreview url={aggregates('csv')} />
      {isAdmin && (
        <p className="hint">
          Available once the survey is closed (its final release): one row per response, with a
          value shown only where the published tables already tell it, no free text and no dates.
          Refused while a combination the tables tell apart holds fewer than the minimum.
        </p>
      )}
    </section>
  )
}
