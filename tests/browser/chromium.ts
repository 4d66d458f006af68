import { existsSync } from 'node:fs'

// Debian's Chromium (apt-get install -y chromium), driven by playwright-core: nothing downloaded.
// Kept free of heavy imports: the global setup (skip-line.ts) reads it for the one skip line.
export const CHROMIUM_PATH = '/usr/bin/chromium'
export const hasChromium = existsSync(CHROMIUM_PATH)
export const SKIP_LINE =
  `Browser tests skipped: ${CHROMIUM_PATH} not found (apt-get install -y chromium).`
