import { Fragment, type ReactNode, type RefObject } from 'react'
import { fill, useI18n } from './i18n'
import { disallowedCharacters, SLUG_MAX_LENGTH, tidySlugInput } from './slugSuggestion'

export { isValidSlug, SLUG_MAX_LENGTH, SLUG_PATTERN } from './slugSuggestion'

interface Props {
  value: string
  onChange: (slug: string) => void
  error: string | null
  inputRef: RefObject<HTMLInputElement | null>
  /** True while the slug follows the title (the admin has not typed one of their own). */
  fromTitle: boolean
}

/** `{name}` placeholders replaced by elements, for a sentence with code in it. */
function withParts(text: string, parts: Record<string, ReactNode>): ReactNode[] {
  return text
    .split(/\{(\w+)\}/)
    .map((piece, index) => <Fragment key={index}>{index % 2 ? parts[piece] : piece}</Fragment>)
}

export function SlugField({ value, onChange, error, inputRef, fromTitle }: Props) {
  const { t } = useI18n()
  // Said while typing, not only on save; the server still checks the whole rule.
  const wrong = disallowedCharacters(value)
  const chars = wrong.map((character) => `“${character}”`).join(' ')
  const shownError = error ?? (wrong.length > 0 ? fill(t.slugCharacters, { chars }) : null)
  return (
    <div className="field">
      <label htmlFor="slug">{t.slug}</label>
      <p id="slug-hint" className="hint">
        {withParts(t.slugHint, {
          example: <code>nurses-2027</code>,
          link: <code>/s/{value || 'slug'}</code>,
        })}
        {fromTitle && value !== '' && ` ${t.slugFromTitle}`}
      </p>
      <input
        id="slug"
        ref={inputRef}
        value={value}
        onChange={(event) => onChange(tidySlugInput(event.target.value.trimStart()))}
        maxLength={SLUG_MAX_LENGTH}
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        required
        aria-invalid={shownError ? true : undefined}
        aria-describedby={shownError ? 'slug-hint slug-error' : 'slug-hint'}
      />
      <p id="slug-error" role="alert" className={shownError ? 'field-error' : undefined}>
        {shownError}
      </p>
    </div>
  )
}
