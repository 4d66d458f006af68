import { useEffect, useRef } from 'react'
import { contactOf } from './contact'
import { ContactLinks } from './ContactDetails'
import { localized, type Locale, type Strings } from './i18n'
import { PrivacyNotice } from './PrivacyNotice'

interface Props {
  title: string
  definition: Record<string, unknown>
  locale: Locale
  text: Strings
  onStart: () => void
}

/**
 * The only page with the survey's title and description (purpose, time needed), its organiser
 * and how to reach them; the survey pages after it start with their questions.
 */
export function StartScreen({ title, definition, locale, text, onStart }: Props) {
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])
  const description = localized(definition.description, locale)
  const contact = contactOf(definition, 'contact', locale)
  return (
    <section className="start-screen">
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {description && <p className="survey-description">{description}</p>}
      {contact && (
        <section className="survey-organiser" aria-labelledby="organiser-title">
          <h2 id="organiser-title">{text.organiser}</h2>
          {contact.name && <p>{contact.name}</p>}
          <ContactLinks info={contact} text={text} />
        </section>
      )}
      <PrivacyNotice text={text} />
      <button type="button" className="button-primary" onClick={onStart}>
        {text.start}
      </button>
    </section>
  )
}
