import type { ContactInfo } from './contact'
import type { Strings } from './i18n'

/** Phone, e-mail and web address as links a phone can act on (call, write, open). */
export function ContactLinks({ info, text }: { info: ContactInfo; text: Strings }) {
  const links = [
    info.phone && { label: text.phone, ...info.phone },
    info.email && { label: text.email, ...info.email },
    info.url && { label: text.website, ...info.url },
  ].filter((link) => !!link)
  if (links.length === 0) return null
  return (
    <ul className="contact-links">
      {links.map((link) => (
        <li key={link.href}>
          {link.label}: <a href={link.href}>{link.text}</a>
        </li>
      ))}
    </ul>
  )
}
