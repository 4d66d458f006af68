import { useEffect, useRef, type ReactNode } from 'react'
import { useI18n } from './i18n'

interface Props {
  children: ReactNode
  /** The document title; defaults to the heading when that is plain text. */
  title?: string
}

/** The page's h1: focused when the page appears, so screen readers announce the new page. */
export function PageHeading({ children, title }: Props) {
  const heading = useRef<HTMLHeadingElement>(null)
  const text = title ?? (typeof children === 'string' ? children : '')
  const { appName } = useI18n().t
  useEffect(() => {
    heading.current?.focus({ preventScroll: true })
  }, [])
  useEffect(() => {
    document.title = text ? `${text} · ${appName}` : appName
  }, [text, appName])
  return (
    <h1 ref={heading} tabIndex={-1}>
      {children}
    </h1>
  )
}
