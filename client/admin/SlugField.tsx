import { useI18n } from './i18n'
import type { RefObject } from 'react'

// The server's rule (server/domain/slug.ts), checked here too so a typo is caught before saving.
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
export const SLUG_MAX_LENGTH = 64
export const isValidSlug = (slug: string) =>
  slug.length <= SLUG_MAX_LENGTH && SLUG_PATTERN.test(slug)

interface Props {
  value: string
  onChange: (slug: string) => void
  error: string | null
  inputRef: RefObject<HTMLInputElement | null>
}

export function SlugField({ value, onChange, error, inputRef }: Props) {
  const { t } = useI18n()
  return (
    <div className="field">
      <label htmlFor="slug">{t.slug}</label>
      <p id="slug-hint" className="hint">
        Lower-case letters, digits and single hyphens, e.g. <code>nurses-2027</code>. It becomes the
        respondent link <code>/s/{value || 'slug'}</code> and cannot be changed later.
      </p>
      <input
        id="slug"
        ref={inputRef}
        value={value}
        onChange={(event) => onChange(event.target.value.trim())}
        maxLength={SLUG_MAX_LENGTH}
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'slug-hint slug-error' : 'slug-hint'}
      />
      <p id="slug-error" role="alert" className={error ? 'field-error' : undefined}>
        {error}
      </p>
    </div>
  )
}
