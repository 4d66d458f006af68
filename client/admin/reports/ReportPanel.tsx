import { useCallback, useEffect, useRef, useState } from 'react'
import type {
  Listing,
  ReportLink,
  ReportList,
  ReportOptionsBody,
} from '../../../server/reports/contract.js'
import { request, type ApiResult } from '../api'
import { describeFailure } from '../messages'
import { ConfirmDialog } from '../ConfirmDialog'
import { ServerErrors, type Problem } from '../ServerErrors'
import './reports.css'

interface Props {
  slug: string
  releases: { number: number }[]
  /** The release shown; null means the latest. */
  selected: number | null
  isAdmin: boolean
}

const LANGS = [
  ['fi', 'Finnish'],
  ['sv', 'Swedish'],
  ['en', 'English'],
] as const

const base = (slug: string) => `/api/admin/surveys/${encodeURIComponent(slug)}`

/**
 * The shown release as a public report (/r/<id>): its link, and for admins publish (with an
 * optional title and summary per language), update, withdraw; and whether the front page lists
 * the survey while it is open.
 */
export function ReportPanel({ slug, releases, selected, isAdmin }: Props) {
  const release = selected ?? releases[releases.length - 1]?.number
  const [list, setList] = useState<ReportList | null>(null)
  const [problem, setProblem] = useState<Problem | null>(null)
  const [busy, setBusy] = useState(false)
  const [status, setStatus] = useState('')
  const [confirming, setConfirming] = useState(false)
  const form = useRef<HTMLDetailsElement>(null)

  const load = useCallback(async () => {
    const result = await request<ReportList>('GET', `${base(slug)}/reports`)
    if (result.ok) setList(result.data)
    else setProblem({ message: describeFailure(result) })
  }, [slug])
  useEffect(() => void load(), [load])

  if (!list) return <ServerErrors problem={problem} />
  const report = list.reports.find((r) => r.release === release)

  const act = async (work: () => Promise<ApiResult<unknown>>, done: string) => {
    setBusy(true)
    setProblem(null)
    setStatus('')
    const result = await work()
    setBusy(false)
    if (!result.ok) {
      setProblem({ message: describeFailure(result), details: result.details })
      return
    }
    setStatus(done)
    if (form.current) form.current.open = false
    await load()
  }

  const publish = (form: HTMLFormElement) => {
    const data = new FormData(form)
    const texts = (field: string) => {
      const entries = LANGS.map(([l]) => [l, String(data.get(`${field}-${l}`) ?? '').trim()])
      const filled = entries.filter(([, text]) => text !== '')
      return filled.length > 0 ? Object.fromEntries(filled) : undefined
    }
    const body: ReportOptionsBody = {
      ...(report?.options ?? {}),
      title: texts('title'),
      summary: texts('summary'),
    }
    const path = `${base(slug)}/releases/${release}/report`
    const done = report ? 'Report updated.' : 'Report published.'
    void act(() => request<ReportLink>('POST', path, { body }), done)
  }

  return (
    <section className="report-panel" aria-labelledby="report-panel-title">
      <h2 id="report-panel-title">Public report</h2>
      {release === undefined ? (
        <p className="hint">A report is made from a release; there is none yet.</p>
      ) : report ? (
        <p>
          Release {release} is published:{' '}
          <a href={`${report.url}`} target="_blank" rel="noreferrer">
            {`${location.origin}${report.url}`}
          </a>{' '}
          (anyone with the link can read it; it is listed on the <a href="/">front page</a>).
        </p>
      ) : (
        <p className="hint">Release {release} is not published as a public report.</p>
      )}
      {isAdmin && release !== undefined && (
        <details className="report-form" ref={form}>
          <summary>
            {report ? 'Change title and summary' : `Publish release ${release} as a report`}
          </summary>
          <form
            onSubmit={(event) => {
              event.preventDefault()
              publish(event.currentTarget)
            }}
          >
            <p className="hint">
              The report shows only this release's published figures (hidden groups stay hidden,
              free text never appears). Empty fields use the questionnaire's title.
            </p>
            {LANGS.map(([l, name]) => (
              <fieldset key={l}>
                <legend>{name}</legend>
                <label>
                  Title
                  <input
                    name={`title-${l}`}
                    defaultValue={report?.options.title?.[l] ?? ''}
                    maxLength={4000}
                  />
                </label>
                <label>
                  Summary
                  <textarea
                    name={`summary-${l}`}
                    rows={3}
                    defaultValue={report?.options.summary?.[l] ?? ''}
                    maxLength={4000}
                  />
                </label>
              </fieldset>
            ))}
            <button type="submit" className="button button-primary" disabled={busy}>
              {report ? 'Save' : 'Publish'}
            </button>
          </form>
        </details>
      )}
      {isAdmin && report && (
        <button
          type="button"
          className="button button-danger"
          disabled={busy}
          onClick={() => setConfirming(true)}
        >
          Withdraw report
        </button>
      )}
      {confirming && (
        <ConfirmDialog
          id="withdraw-report"
          title="Withdraw this report?"
          confirmLabel="Withdraw report"
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false)
            void act(
              () => request<{ ok: true }>('DELETE', `${base(slug)}/releases/${release}/report`),
              'Report withdrawn: its link now answers "not found".',
            )
          }}
        >
          Its link stops working at once, for everyone it was shared with. Publishing the release
          again makes a new link.
        </ConfirmDialog>
      )}
      {isAdmin && (
        <label className="report-listing">
          <input
            type="checkbox"
            checked={list.listed}
            disabled={busy}
            onChange={(event) => {
              const listed = event.target.checked
              const done = listed
                ? 'The front page lists this survey while it is open.'
                : 'No longer listed on the front page.'
              void act(
                () => request<Listing>('PUT', `${base(slug)}/listing`, { body: { listed } }),
                done,
              )
            }}
          />{' '}
          List this survey on the public front page while it is open (off: only people you send the
          link to find it)
        </label>
      )}
      <p role="status">{status}</p>
      <ServerErrors problem={problem} />
    </section>
  )
}
