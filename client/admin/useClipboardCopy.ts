import { useRef, useState } from 'react'

export type CopyState = 'idle' | 'copied' | 'manual'

/**
 * Copies `text` to the clipboard; when the browser refuses (no secure context, permissions), the
 * returned input ref is focused and selected so the person can press Ctrl+C themselves.
 */
export function useClipboardCopy(text: string) {
  const input = useRef<HTMLInputElement>(null)
  const [copy, setCopy] = useState<CopyState>('idle')
  const copyText = async () => {
    try {
      await navigator.clipboard.writeText(text)
      setCopy('copied')
    } catch {
      input.current?.focus()
      input.current?.select()
      setCopy('manual')
    }
  }
  return { input, copy, copyText }
}
