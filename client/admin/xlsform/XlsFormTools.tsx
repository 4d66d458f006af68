import { useId, useState, type ChangeEvent } from 'react'
import type { SurveyImport } from '../../../server/authoring/contract.js'
import type { ErrorBody } from '../api'
import { fill } from '../i18n'
import { useXlsFormTexts, type XlsFormTexts } from './texts'

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** A warning or a refused import's detail, shown where an admin finds it in the spreadsheet. */
interface SheetProblem {
  sheet?: string
  row?: number
  column?: string
  question?: string
  message: string
}

type Outcome =
  | { kind: 'busy' }
  | { kind: 'done'; message: string; warnings: SheetProblem[] }
  | { kind: 'failed'; message: string; problems: SheetProblem[] }

/** "Sheet survey, row 5, column label::sv: ..." as an admin finds it in the spreadsheet. */
const where = (p: SheetProblem, x: XlsFormTexts) =>
  [
    p.sheet && fill(x.sheet, { sheet: p.sheet }),
    p.row ? fill(x.row, { row: p.row }) : '',
    p.column && fill(x.column, { column: p.column }),
  ]
    .filter(Boolean)
    .join(', ')

function ProblemList({ items }: { items: SheetProblem[] }) {
  const { x } = useXlsFormTexts()
  if (items.length === 0) return null
  return (
    <ul>
      {items.map((p, i) => (
        <li key={i}>
          {where(p, x) && <strong>{where(p, x)}: </strong>}
          {p.message}
        </li>
      ))}
    </ul>
  )
}

/**
 * XLSForm download (anyone signed in) and import (admins): a new version of an open survey or a
 * draft replaced, as saving the JSON does. Warnings (e.g. a label missing in one language) are
 * listed after a successful import.
 */
export function XlsFormTools(props: {
  slug: string
  version: number
  canImport: boolean
  onImported: () => void
}) {
  const inputId = useId()
  const { x, t } = useXlsFormTexts()
  const [outcome, setOutcome] = useState<Outcome | undefined>()

  async function upload(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0]
    event.target.value = ''
    if (!file) return
    setOutcome({ kind: 'busy' })
    try {
      const res = await fetch(`/api/admin/surveys/import?slug=${encodeURIComponent(props.slug)}`, {
        method: 'POST',
        headers: { 'Content-Type': XLSX_TYPE },
        body: file,
      })
      const body = await res.json().catch(() => ({}))
      if (res.ok) {
        const saved = body as SurveyImport
        const status = t.statusNames[saved.status].toLocaleLowerCase()
        const message = fill(x.imported, { file: file.name, version: saved.version, status })
        setOutcome({ kind: 'done', message, warnings: saved.warnings ?? [] })
        props.onImported()
      } else {
        const error: Partial<ErrorBody['error']> = (body as Partial<ErrorBody>).error ?? {}
        const message = error.message ?? fill(x.failed, { status: res.status })
        // invalid_xlsform details are `{sheet, row, column, message}` (its description says so).
        const problems = (error.details ?? []) as SheetProblem[]
        setOutcome({ kind: 'failed', message, problems })
      }
    } catch {
      setOutcome({ kind: 'failed', message: t.unreachable, problems: [] })
    }
  }

  const href = `/api/admin/surveys/${encodeURIComponent(props.slug)}/xlsform?version=${props.version}`
  return (
    <section aria-labelledby={`${inputId}-title`}>
      <h2 id={`${inputId}-title`}>{x.title}</h2>
      <p>
        <a className="button" href={href} download>
          {x.download}
        </a>
      </p>
      {props.canImport && (
        <p>
          <label htmlFor={inputId}>{x.importLabel}</label>{' '}
          <input
            id={inputId}
            type="file"
            accept={`.xlsx,${XLSX_TYPE}`}
            disabled={outcome?.kind === 'busy'}
            onChange={upload}
          />
        </p>
      )}
      {outcome?.kind === 'busy' && <p role="status">{x.importing}</p>}
      {outcome?.kind === 'done' && (
        <div role="status">
          <p>{outcome.message}</p>
          {outcome.warnings.length > 0 && <p>{x.pleaseCheck}</p>}
          <ProblemList items={outcome.warnings} />
        </div>
      )}
      {outcome?.kind === 'failed' && (
        <div role="alert">
          <p>{outcome.message}</p>
          <ProblemList items={outcome.problems} />
        </div>
      )}
    </section>
  )
}
