import { useClipboardCopy } from './useClipboardCopy'

/** The respondent link, always visible, with a copy button and a select-it-yourself fallback. */
export function CopyLink({ slug }: { slug: string }) {
  const url = `${location.origin}/s/${slug}`
  const { input, copy, copyText: copyLink } = useClipboardCopy(url)

  return (
    <div className="copy-link">
      <label htmlFor="respondent-link">Respondent link</label>
      <div className="copy-link-row">
        <input
          id="respondent-link"
          ref={input}
          readOnly
          value={url}
          onFocus={(event) => event.target.select()}
        />
        <button type="button" className="button" onClick={() => void copyLink()}>
          Copy respondent link
        </button>
      </div>
      <p role="status" className="hint">
        {copy === 'copied' && 'Link copied to the clipboard.'}
        {copy === 'manual' &&
          'The browser did not allow copying: the link is selected, press Ctrl+C (⌘C on a Mac).'}
      </p>
    </div>
  )
}
