import { useRef, useState } from 'react'

type Copy = 'idle' | 'copied' | 'manual'

/** The respondent link, always visible, with a copy button and a select-it-yourself fallback. */
export function CopyLink({ slug }: { slug: string }) {
  const url = `${location.origin}/s/${slug}`
  const input = useRef<HTMLInputElement>(null)
  const [copy, setCopy] = useState<Copy>('idle')

  const copyLink = async () => {
    try {
      // Missing outside secure contexts; may also be refused by the browser's permissions.
      await navigator.clipboard.writeText(url)
      setCopy('copied')
    } catch {
      input.current?.focus()
      input.current?.select()
      setCopy('manual')
    }
  }

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
