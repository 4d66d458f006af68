import { localized, type Locale } from './i18n'

/**
 * The questionnaire's own `contact` (who runs the survey) and `helpline` properties
 * (server/domain/survey-core-setup.ts): localizable `name` and `hours`, plain `phone`, `email`
 * and `url`. Anything malformed is left out rather than shown as a broken link.
 */
export interface ContactInfo {
  name: string
  hours: string
  phone?: { text: string; href: string }
  email?: { text: string; href: string }
  url?: { text: string; href: string }
}

const PHONE = /^\+?[0-9][0-9 ()-]{4,30}$/
const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/

export function contactOf(definition: Record<string, unknown>, key: 'contact' | 'helpline', locale: Locale): ContactInfo | null {
  const raw = definition[key]
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null
  const entry = raw as Record<string, unknown>
  const info: ContactInfo = {
    name: localized(entry.name, locale).trim(),
    hours: localized(entry.hours, locale).trim(),
  }
  const phone = localized(entry.phone, locale).trim()
  if (PHONE.test(phone)) info.phone = { text: phone, href: `tel:${phone.replace(/[^0-9+]/g, '')}` }
  const email = localized(entry.email, locale).trim()
  if (EMAIL.test(email)) info.email = { text: email, href: `mailto:${email}` }
  const url = webAddress(localized(entry.url, locale).trim())
  if (url) info.url = { text: url.host + (url.pathname === '/' ? '' : url.pathname), href: url.href }
  const empty = !info.name && !info.phone && !info.email && !info.url
  return empty ? null : info
}

function webAddress(text: string): URL | null {
  try {
    const url = new URL(text)
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null
  } catch {
    return null
  }
}
