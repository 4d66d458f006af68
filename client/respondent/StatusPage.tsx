import { useEffect, useRef } from 'react'

interface Props {
  title: string
  body: string
  action?: { label: string; onClick: () => void }
}

/** A full-page message (loading failed, survey not open); focused so it is announced. */
export function StatusPage({ title, body, action }: Props) {
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [title])
  return (
    <section className="status-page">
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      <p>{body}</p>
      {action && (
        <button type="button" className="button-primary" onClick={action.onClick}>
          {action.label}
        </button>
      )}
    </section>
  )
}
