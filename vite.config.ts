import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { precompress } from './client/build/precompress'

const clientRoot = fileURLToPath(new URL('./client/', import.meta.url))
const outDir = fileURLToPath(new URL('./dist/client/', import.meta.url))

// One HTML entry per app. Each entry only pulls in what it imports, so the respondent bundle
// never contains admin code (shared chunks hold only modules both apps import, e.g. React).
const pages = {
  respondent: 'respondent/index.html',
  admin: 'admin/index.html',
}

export default defineConfig({
  root: clientRoot,
  base: '/',
  // No public/ directory: every asset goes through the bundler and gets a hashed name.
  publicDir: false,
  plugins: [react(), precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    // SurveyJS alone is ~1.4 MB minified (it is lazy-loaded); warn only if it grows past that.
    chunkSizeWarningLimit: 1800,
    // Hashed file names are served as immutable; the HTML itself is served no-cache.
    rolldownOptions: {
      input: Object.fromEntries(
        Object.entries(pages).map(([name, file]) => [name, `${clientRoot}${file}`]),
      ),
    },
  },
})
