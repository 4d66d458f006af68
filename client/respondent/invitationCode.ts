/**
 * The code in an invitation link, `/s/<slug>#code=ABCD-EFGH-JKMN-PQRS`. It travels in the
 * fragment, which browsers never send to a server, so it cannot reach an access log.
 */
export function codeFromFragment(hash: string): string | null {
  const code = new URLSearchParams(hash.replace(/^#/, '')).get('code')?.trim()
  return code ? code : null
}

/** Takes the code out of the address bar, so it is not bookmarked, shared or kept in history. */
export function forgetFragment(): void {
  if (!location.hash) return
  history.replaceState(history.state, '', `${location.pathname}${location.search}`)
}
