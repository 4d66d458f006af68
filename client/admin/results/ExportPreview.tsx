import { useState } from 'react'
import { fill } from '../i18n'
import { parseCsv } from './parseCsv'
import { useResultTexts } from './texts'

const SHOWN_ROWS = 12

type Preview =
  | { kind: 'idle' | 'loading' | 'failed' }
  | { kind: 'ok'; header: string[]; rows: string[][]; tables: [string, number][] }

/** The CSV the download gives, read back: which tables it holds and its first rows. */
export function ExportPreview({ url }: { url: string }) {
  const { r } = useResultTexts()
  const [preview, setPreview] = useState<Preview>({ kind: 'idle' })
  const load = async () => {
    setPreview({ kind: 'loading' })
    try {
      const res = await fetch(url, { credentials: 'same-origin', cache: 'no-store' })
      if (!res.ok) throw new Error(String(res.status))
      const [header, ...rows] = parseCsv(await res.text())
      const column = header.indexOf('table')
      const tables = new Map<string, number>()
      for (const row of rows) tables.set(row[column], (tables.get(row[column]) ?? 0) + 1)
      setPreview({ kind: 'ok', header, rows, tables: [...tables] })
    } catch {
      setPreview({ kind: 'failed' })
    }
  }

  return (
    <div className="export-preview">
      <button type="button" className="button" onClick={load}>
        {preview.kind === 'ok' ? r.previewAgain : r.preview}
      </button>
      {preview.kind === 'loading' && <p role="status">{r.previewLoading}</p>}
      {preview.kind === 'failed' && <p role="alert">{r.previewFailed}</p>}
      {preview.kind === 'ok' && (
        <>
          <p>{fill(r.previewTables, { rows: preview.rows.length })}</p>
          <ul className="preview-tables">
            {preview.tables.map(([table, rows]) => (
              <li key={table}>
                <code>{table}</code>: {fill(r.previewRows, { rows })}
              </li>
            ))}
          </ul>
          <div className="table-scroll" tabIndex={0} role="region" aria-label={r.previewTitle}>
            <table className="survey-table results-small-table preview-table">
              <caption>{fill(r.previewCaption, { shown: SHOWN_ROWS })}</caption>
              <thead>
                <tr>
                  {preview.header.map((name) => (
                    <th key={name} scope="col">
                      {name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.rows.slice(0, SHOWN_ROWS).map((row, i) => (
                  <tr key={i}>
                    {row.map((field, j) => (
                      <td key={j}>{field}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  )
}
