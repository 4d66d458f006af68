import { useEffect, useRef, useState, type FormEvent } from 'react'
import { checkCode, type CodeCheck } from './api'
import { CodeInput } from './CodeInput'
import './code-screen.css'
import type { Strings } from './i18n'

interface Props {
  title: string
  slug: string
  text: Strings
  /** From the invitation link's fragment: checked at once, so usually nothing needs typing. */
  initialCode: string | null
  onAccepted: (code: string) => void
}

const PROBLEM: Record<Exclude<CodeCheck, 'valid'>, keyof Strings> = {
  invalid: 'codeInvalid',
  used: 'codeUsed',
  closed: 'sendClosed',
  'rate-limited': 'sendRateLimited',
  failed: 'codeCheckFailed',
}

type State = { kind: 'idle' } | { kind: 'checking' } | { kind: 'problem'; message: keyof Strings }

/** Invitation-only surveys: the respondent's one-time code, before the privacy notice. */
export function CodeScreen({ title, slug, text, initialCode, onAccepted }: Props) {
  const [value, setValue] = useState(initialCode ?? '')
  const [state, setState] = useState<State>({ kind: 'idle' })
  const heading = useRef<HTMLHeadingElement>(null)
  const input = useRef<HTMLInputElement>(null)
  const linkChecked = useRef(false)

  const check = async (code: string) => {
    const problem = (message: keyof Strings) => {
      setState({ kind: 'problem', message })
      input.current?.focus()
    }
    if (code.trim() === '') return problem('codeMissing')
    setState({ kind: 'checking' })
    const result = await checkCode(slug, code.trim())
    if (result === 'valid') return onAccepted(code.trim())
    problem(PROBLEM[result])
  }

  useEffect(() => {
    if (linkChecked.current) return
    linkChecked.current = true
    if (initialCode) void check(initialCode)
    else heading.current?.focus()
  })

  const submit = (event: FormEvent) => {
    event.preventDefault()
    void check(value)
  }
  const problem = state.kind === 'problem' ? text[state.message] : ''
  const checking = state.kind === 'checking'

  return (
    <section className="code-screen">
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      <p>{text.codeIntro}</p>
      <form onSubmit={submit} noValidate>
        <label htmlFor="invitation-code">{text.codeLabel}</label>
        <p id="invitation-code-hint" className="code-hint">
          {text.codeHint}
        </p>
        <CodeInput
          id="invitation-code"
          inputRef={input}
          value={value}
          onChange={setValue}
          invalid={problem !== ''}
          describedBy={`invitation-code-hint${problem ? ' invitation-code-error' : ''}`}
        />
        <p id="invitation-code-error" className="code-error" role="alert">
          {problem}
        </p>
        <p role="status" className="code-checking">
          {checking ? text.codeChecking : ''}
        </p>
        <button type="submit" className="button-primary" disabled={checking}>
          {text.codeContinue}
        </button>
      </form>
      <p className="code-privacy">{text.codePrivacy}</p>
    </section>
  )
}
