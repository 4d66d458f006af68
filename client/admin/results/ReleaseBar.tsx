import { useState } from 'react'
import { fill } from '../i18n'
import { describeFailure } from '../messages'
import { ServerErrors, type Problem } from '../ServerErrors'
import { resultsApi, type Release } from './resultsApi'
import { useResultTexts } from './texts'

interface Props {
  slug: string
  releases: Release[]
  /** The release shown; null means the latest. */
  selected: number | null
  onSelect: (release: number | null) => void
  canRelease: boolean
  onReleased: (release: number) => void
}

/** Which release is shown, and (admins, open surveys) making a new interim release. */
export function ReleaseBar({ slug, releases, selected, onSelect, canRelease, onReleased }: Props) {
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<Problem | null>(null)
  const latest = releases[releases.length - 1]
  const { r: texts } = useResultTexts()
  const describe = (r: Release) =>
    fill(texts.releaseOption, {
      n: r.number,
      kind: r.kind === 'final' ? texts.final : texts.interim,
      date: r.createdOn,
    })

  const release = async () => {
    setBusy(true)
    setProblem(null)
    const result = await resultsApi.makeRelease(slug)
    setBusy(false)
    if (result.ok) return onReleased(result.data.release)
    setProblem(
      result.code === 'release_refused'
        ? { message: fill(texts.refused, { message: result.message }), details: result.details }
        : { message: describeFailure(result) },
    )
  }

  return (
    <div className="release-bar">
      {latest && (
        <label className="results-field">
          {texts.release}{' '}
          <select
            value={selected ?? latest.number}
            onChange={(event) => {
              const number = Number(event.target.value)
              onSelect(number === latest.number ? null : number)
            }}
          >
            {[...releases].reverse().map((r) => (
              <option key={r.number} value={r.number}>
                {describe(r)}
                {r === latest ? texts.latest : ''}
              </option>
            ))}
          </select>
        </label>
      )}
      {canRelease && (
        <button
          type="button"
          className="button button-primary"
          disabled={busy}
          onClick={() => void release()}
        >
          {busy ? texts.making : texts.makeRelease}
        </button>
      )}
      <ServerErrors problem={problem} />
    </div>
  )
}
