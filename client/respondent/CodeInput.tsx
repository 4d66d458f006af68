import type { Ref } from 'react'

interface Props {
  id: string
  inputRef: Ref<HTMLInputElement>
  value: string
  onChange: (value: string) => void
  /** Ids of the hint and, when shown, the error that describe the field. */
  describedBy: string
  invalid?: boolean
}

/** An invitation code field: codes are copied character by character, so no autocorrection. */
export function CodeInput({ id, inputRef, value, onChange, describedBy, invalid = false }: Props) {
  return (
    <input
      id={id}
      ref={inputRef}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      autoComplete="off"
      autoCapitalize="characters"
      autoCorrect="off"
      spellCheck={false}
      aria-invalid={invalid}
      aria-describedby={describedBy}
    />
  )
}
