import type { Strings } from './i18n'

/** Shown before the first question: exactly what is stored, and what is not. */
export function PrivacyNotice({ text }: { text: Strings }) {
  return (
    <section className="privacy-notice" aria-labelledby="privacy-title">
      <h2 id="privacy-title">{text.privacyTitle}</h2>
      <p>{text.privacyIntro}</p>
      <p>{text.privacyStored}</p>
      <p>{text.privacyNotStored}</p>
      <p>{text.privacyUntraceable}</p>
    </section>
  )
}
