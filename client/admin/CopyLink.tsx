import { useI18n } from './i18n'
import { respondentLink } from './links'
import { useClipboardCopy } from './useClipboardCopy'

/** The respondent link, always visible, with a copy button and a select-it-yourself fallback. */
export function CopyLink({ slug, publicUrl }: { slug: string; publicUrl?: string }) {
  const url = respondentLink(slug, publicUrl)
  const { input, copy, copyText: copyLink } = useClipboardCopy(url)
  const { t } = useI18n()

  return (
    <div className="copy-link">
      <label htmlFor="respondent-link">{t.respondentLink}</label>
      <div className="copy-link-row">
        <input
          id="respondent-link"
          ref={input}
          readOnly
          value={url}
          onFocus={(event) => event.target.select()}
        />
        <button type="button" className="button" onClick={() => void copyLink()}>
          {t.copyLink}
        </button>
      </div>
      <p role="status" className="hint">
        {copy === 'copied' && t.linkCopied}
        {copy === 'manual' && t.copyManually}
      </p>
    </div>
  )
}
