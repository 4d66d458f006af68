import { hasChromium, SKIP_LINE } from './chromium'

/** Vitest global setup: runs once per run, so the skip is said once rather than by every file. */
export default function announceSkippedBrowserTests(): void {
  if (!hasChromium) console.log(SKIP_LINE)
}
