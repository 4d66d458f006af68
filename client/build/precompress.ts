import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import type { Plugin } from 'vite'

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|woff)$/
const MIN_BYTES = 1024

/**
 * Writes `.br` and `.gz` beside every compressible asset once, at build time, at the highest
 * levels: the server then sends them as they are instead of compressing on every request.
 */
export const precompress = (): Plugin => {
  let outDir = ''
  return {
    name: 'precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir
    },
    async closeBundle() {
      const assets = join(outDir, 'assets')
      for (const file of await readdir(assets).catch(() => [] as string[])) {
        if (!COMPRESSIBLE.test(file)) continue
        const content = await readFile(join(assets, file))
        if (content.length < MIN_BYTES) continue
        const brotli = brotliCompressSync(content, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
          },
        })
        await writeFile(join(assets, `${file}.br`), brotli)
        await writeFile(join(assets, `${file}.gz`), gzipSync(content, { level: 9 }))
      }
    },
  }
}
