import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import react from '@vitejs/plugin-react'
import { build } from 'vite'
import { BENCH_OUT } from './paths.js'
import { measureBuiltFiles } from './page-weight.js'

export const BARE_ROOT = join(BENCH_OUT, 'bare-page')

const html = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Survey</title></head>
  <body><div id="root"></div><script type="module" src="./main.tsx"></script></body>
</html>
`

// The same survey-core, survey-react-ui and React, the same stylesheet, one question.
const main = `import { createRoot } from 'react-dom/client'
import { Model } from 'survey-core'
import { Survey } from 'survey-react-ui'
import 'survey-core/survey-core.fontless.min.css'

const model = new Model({ elements: [{ type: 'text', name: 'name', title: 'Your name?' }] })
createRoot(document.getElementById('root')!).render(<Survey model={model} />)
`

/** Builds the bare page with the repo's Vite and returns its gzip -9 size (HTML, JS, CSS). */
export async function measureBarePage() {
  const src = join(BARE_ROOT, 'src')
  const out = join(BARE_ROOT, 'dist')
  rmSync(BARE_ROOT, { recursive: true, force: true })
  mkdirSync(src, { recursive: true })
  writeFileSync(join(src, 'index.html'), html)
  writeFileSync(join(src, 'main.tsx'), main)
  await build({
    root: src,
    configFile: false,
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir: out, emptyOutDir: true, chunkSizeWarningLimit: 5000 },
  })
  const assets = readdirSync(join(out, 'assets')).filter((f) => /\.(js|css)$/.test(f))
  return measureBuiltFiles(out, ['index.html', ...assets.map((f) => join('assets', f))])
}
