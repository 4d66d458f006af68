import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { getRaw } from './wire.js'

export interface PageWeight {
  files: { path: string; br: number; gzip: number; encodingBr: string }[]
  brBytes: number
  gzipBytes: number
  /** Markers of admin code found in what the respondent page loads (must be empty). */
  adminMarkers: string[]
}

// Chunk references inside built JS/CSS: static and dynamic imports, Vite's preload dependency list.
const CHUNK_REF = /["'`(](?:\.\/|\/?assets\/)([\w.~-]+\.(?:js|css))["'`)]/g
const HTML_REF = /(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g
export const ADMIN_MARKERS = ['/api/admin', 'chart.js', 'Chart.js', 'DefinitionEditor', 'chartjs']

function decode(body: Buffer, encoding: string): string {
  if (encoding === 'br') return brotliDecompressSync(body).toString('utf8')
  if (encoding === 'gzip') return gunzipSync(body).toString('utf8')
  return body.toString('utf8')
}

/**
 * Everything the respondent page downloads to show a survey, as served: the HTML, then every
 * asset it names, then every chunk those name (the lazily loaded SurveyJS screen included).
 */
export async function measureServedPage(baseUrl: string, pagePath: string): Promise<PageWeight> {
  const files: PageWeight['files'] = []
  const seen = new Set<string>()
  const queue = [pagePath]
  const adminMarkers = new Set<string>()
  while (queue.length > 0) {
    const path = queue.shift() as string
    const br = await getRaw(baseUrl + path, 'br, gzip')
    const gzip = await getRaw(baseUrl + path, 'gzip')
    if (br.status !== 200) throw new Error(`${path}: ${br.status}`)
    files.push({ path, br: br.wireBytes, gzip: gzip.wireBytes, encodingBr: br.encoding })
    const text = decode(br.body, br.encoding)
    for (const marker of ADMIN_MARKERS) if (text.includes(marker)) adminMarkers.add(marker)
    const refs = path.endsWith('.html') || !path.includes('.')
      ? [...text.matchAll(HTML_REF)].map((m) => m[1])
      : [...text.matchAll(CHUNK_REF)].map((m) => `/assets/${m[1]}`)
    for (const ref of refs) {
      if (!seen.has(ref)) {
        seen.add(ref)
        queue.push(ref)
      }
    }
  }
  return {
    files,
    brBytes: files.reduce((sum, f) => sum + f.br, 0),
    gzipBytes: files.reduce((sum, f) => sum + f.gzip, 0),
    adminMarkers: [...adminMarkers],
  }
}

/** A built folder's HTML and assets, each gzipped at level 9 the way a plain server would. */
export async function measureBuiltFiles(dir: string, files: string[]) {
  const { gzipSync } = await import('node:zlib')
  let gzipBytes = 0
  let rawBytes = 0
  for (const file of files) {
    const content = await readFile(join(dir, file))
    rawBytes += content.length
    gzipBytes += gzipSync(content, { level: 9 }).length
  }
  return { gzipBytes, rawBytes }
}
