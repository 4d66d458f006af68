// A one-time message carried across a navigation ("Draft saved." on the page the editor opens).
let pending: string | null = null

export function setFlash(message: string): void {
  pending = message
}

/** Read in a state initializer (which StrictMode may call twice), cleared once mounted. */
export const peekFlash = (): string | null => pending

export function clearFlash(): void {
  pending = null
}
