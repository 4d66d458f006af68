import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react'

/** A tiny path router: the server serves this app for /admin and everything under it. */
export type Route =
  | { page: 'list' }
  | { page: 'new' }
  | { page: 'survey'; slug: string }
  | { page: 'edit'; slug: string }
  | { page: 'results'; slug: string }
  | { page: 'tokens' }
  | { page: 'not-found' }

export const paths = {
  list: '/admin',
  // Not under /admin/surveys/: "new" is a valid slug.
  newSurvey: '/admin/new',
  survey: (slug: string) => `/admin/surveys/${encodeURIComponent(slug)}`,
  edit: (slug: string) => `/admin/surveys/${encodeURIComponent(slug)}/edit`,
  results: (slug: string) => `/admin/surveys/${encodeURIComponent(slug)}/results`,
  tokens: '/admin/tokens',
}

export function parseRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/'
  if (path === '/admin') return { page: 'list' }
  if (path === paths.newSurvey) return { page: 'new' }
  if (path === paths.tokens) return { page: 'tokens' }
  const match = /^\/admin\/surveys\/([^/]+)(\/edit|\/results)?$/.exec(path)
  if (!match) return { page: 'not-found' }
  let slug: string
  try {
    slug = decodeURIComponent(match[1])
  } catch {
    return { page: 'not-found' }
  }
  if (match[2] === '/results') return { page: 'results', slug }
  return match[2] ? { page: 'edit', slug } : { page: 'survey', slug }
}

const listeners = new Set<() => void>()
function subscribe(listener: () => void) {
  listeners.add(listener)
  window.addEventListener('popstate', listener)
  return () => {
    listeners.delete(listener)
    window.removeEventListener('popstate', listener)
  }
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => location.pathname)
}

// Set while a page has unsaved work; returns false to stay.
let guard: (() => boolean) | null = null
export function setLeaveGuard(check: (() => boolean) | null): void {
  guard = check
}

/** Whether the current page may be left (asks when it has unsaved work). */
export const mayLeave = (): boolean => !guard || guard()

export function navigate(path: string, { replace = false, force = false } = {}): void {
  if (path === location.pathname) return
  if (!force && !mayLeave()) return
  if (replace) history.replaceState(null, '', path)
  else history.pushState(null, '', path)
  for (const listener of listeners) listener()
}

/** A real link (open in new tab works) that navigates in place on a plain click. */
export function Link({
  href,
  onClick,
  ...rest
}: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const click = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event)
    if (event.defaultPrevented || event.button !== 0) return
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    event.preventDefault()
    navigate(href)
  }
  return <a href={href} onClick={click} {...rest} />
}
