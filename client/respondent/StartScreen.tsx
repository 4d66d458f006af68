import { useEffect, useRef } from 'react'
import type { Strings } from './i18n'
import { PrivacyNotice } from './PrivacyNotice'

interface Props {
  title: string
  text: Strings
  onStart: () => void
}

export function StartScreen({ title, text, onStart }: Props) {
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])
  return (
    <section className="start-screen">
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      <PrivacyNotice text={text} />
      <button type="button" className="button-primary" onClick={onStart}>
        {text.start}
      </button>
    </section>
  )
}
