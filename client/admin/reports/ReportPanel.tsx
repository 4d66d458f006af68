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
import { fill } from '../i18n'
import { linkBase } from '../links'
import { ServerErrors, type Problem } from '../ServerErrors'
import { useReportTexts } from './texts'
import './reports.css'

interface Props {
  slug: string
  releases: { number: number }[]
  /** The release shown; null means the latest. */
  selected: number | null
  isAdmin: boolean
  /** The server's PUBLIC_URL (the survey detail's publicUrl); unset, the page's own address. */
  publicUrl?: string
}

const LANGS = ['fi', 'sv', 'en'] as const

const base = (slug: string) => `/api/admin/surveys/${encodeURIComponent(slug)}`

/**
 * The shown release as a public report (/r/<id>): its link, and for admins publish (with an
 * optional title and summary per language), update, withdraw; and whether the front page lists
 * the survey while it is open.
 */
export function ReportPanel({ slug, releases, selected, isAdmin, publicUrl }: Props) {
  const r = useReportTexts()
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
      const entries = LANGS.map((l) => [l, String(data.get(`${field}-${l}`) ?? '').trim()])
      const filled = entries.filter(([, text]) => text !== '')
      return filled.length > 0 ? Object.fromEntries(filled) : undefined
    }
    const body: ReportOptionsBody = {
      ...(report?.options ?? {}),
      title: texts('title'),
      summary: texts('summary'),
    }
    const path = `${base(slug)}/releases/${release}/report`
    const done = report ? r.updated : r.publishedDone
    void act(() => request<ReportLink>('POST', path, { body }), done)
  }

  const [noteBefore, noteAfter] = r.publishedNote.split('{frontPage}')
  return (
    <section className="report-panel" aria-labelledby="report-panel-title">
      <h2 id="report-panel-title">{r.title}</h2>
      {release === undefined ? (
        <p className="hint">{r.noRelease}</p>
      ) : report ? (
        <p>
          {fill(r.published, { release })}{' '}
          {/* Opened here; the text is the address to share (PUBLIC_URL when set). */}
          <a href={report.url} target="_blank" rel="noreferrer">
            {`${linkBase(publicUrl)}${report.url}`}
          </a>{' '}
          {noteBefore}
          <a href="/">{r.frontPage}</a>
          {noteAfter}
        </p>
      ) : (
        <p className="hint">{fill(r.notPublished, { release })}</p>
      )}
      {isAdmin && release !== undefined && (
        <details className="report-form" ref={form}>
          <summary>
            {report ? r.change : fill(r.publishAs, { release })}
          </summary>
          <form
            onSubmit={(event) => {
              event.preventDefault()
              publish(event.currentTarget)
            }}
          >
            <p className="hint">
              {r.formHint}
            </p>
            {LANGS.map((l) => (
              <fieldset key={l}>
                <legend>{r.languages[l]}</legend>
                <label>
                  {r.titleLabel}
                  <input
                    name={`title-${l}`}
                    defaultValue={report?.options.title?.[l] ?? ''}
                    maxLength={4000}
                  />
                </label>
                <label>
                  {r.summaryLabel}
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
              {report ? r.save : r.publish}
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
          {r.withdraw}
        </button>
      )}
      {confirming && (
        <ConfirmDialog
          id="withdraw-report"
          title={r.withdrawTitle}
          confirmLabel={r.withdraw}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false)
            void act(
              () => request<{ ok: true }>('DELETE', `${base(slug)}/releases/${release}/report`),
              r.withdrawn,
            )
          }}
        >
          {r.withdrawBody}
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
              const done = listed ? r.listed : r.unlisted
              void act(
                () => request<Listing>('PUT', `${base(slug)}/listing`, { body: { listed } }),
                done,
              )
            }}
          />{' '}
          {r.listing}
        </label>
      )}
      <p role="status">{status}</p>
      <ServerErrors problem={problem} />
    </section>
  )
}
