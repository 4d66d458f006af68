import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { isBuiltin } from 'node:module'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'

// Issue 16: a migration is frozen. It must do what it did the day it first ran, so it may import
// only npm packages, node built-ins and files inside db/migrations/ (db/migrations/frozen/ holds
// snapshots of the helpers they need), never live code such as db/queries/, db/dialect.ts or
// server/, which keeps changing.

const ROOT = resolve(import.meta.dirname, '..')
const MIGRATIONS = join(ROOT, 'db', 'migrations')
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies?: Record<string, string>
  devDependencies?: Record<string, string>
}
const PACKAGES = new Set([
  ...Object.keys(manifest.dependencies ?? {}),
  ...Object.keys(manifest.devDependencies ?? {}),
])

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.[cm]?[jt]sx?$/.test(entry.name) ? [path] : []
  })
}

/**
 * The code with comments left out. Strings and template literals are kept whole (a `//` in them
 * is no comment); code inside a template's `${...}` is scanned like any other.
 */
function withoutComments(code: string): string {
  let out = ''
  // Scans code from i; inside a template's ${...} (nested), stops after the closing brace.
  const scanCode = (i: number, nested: boolean): number => {
    let depth = 0
    while (i < code.length) {
      const c = code[i]
      const next = code[i + 1]
      if (c === '/' && next === '/') {
        while (i < code.length && code[i] !== '\n') i++
      } else if (c === '/' && next === '*') {
        const end = code.indexOf('*/', i + 2)
        i = end < 0 ? code.length : end + 2
        out += ' '
      } else if (c === "'" || c === '"') {
        let j = i + 1
        while (j < code.length && code[j] !== c && code[j] !== '\n') j += code[j] === '\\' ? 2 : 1
        out += code.slice(i, j + 1)
        i = j + 1
      } else if (c === '`') {
        out += c
        i = scanTemplate(i + 1)
      } else {
        if (c === '{') depth++
        if (c === '}' && depth-- === 0 && nested) return i + 1
        out += c
        i++
      }
    }
    return i
  }
  // Scans a template literal's text from i; returns the index after its closing backtick.
  const scanTemplate = (i: number): number => {
    while (i < code.length) {
      if (code[i] === '\\') {
        out += code.slice(i, i + 2)
        i += 2
      } else if (code[i] === '`') {
        out += '`'
        return i + 1
      } else if (code[i] === '$' && code[i + 1] === '{') {
        out += '${'
        i = scanCode(i + 2, true)
        out += '}'
      } else out += code[i++]
    }
    return i
  }
  scanCode(0, false)
  return out
}

/**
 * Every module specifier a file names: static imports and re-exports (type-only ones too),
 * side-effect imports, dynamic import() and require(). A dynamic import of anything but a
 * string literal yields `null`: what it loads cannot be checked, so it is not allowed either.
 */
function specifiers(code: string): (string | null)[] {
  const text = withoutComments(code)
  const found: (string | null)[] = []
  for (const pattern of [
    /\b(?:import|export)\b[^;'"`]*?\bfrom\s*(['"])(.*?)\1/g,
    /\bimport\s*(['"])(.*?)\1/g,
  ]) {
    for (const match of text.matchAll(pattern)) found.push(match[2])
  }
  for (const match of text.matchAll(/\b(?:import|require)\s*\(\s*/g)) {
    const literal = /^(['"])(.*?)\1\s*[,)]/.exec(text.slice(match.index + match[0].length))
    found.push(literal ? literal[2] : null)
  }
  return found
}

const packageName = (specifier: string) =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]

/** Why `specifier`, imported by `file`, takes a migration off its frozen state ('' if it does not). */
function problem(file: string, specifier: string | null): string {
  if (specifier === null) return 'a dynamic import whose module is not a string literal'
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('file:')) {
    const target = resolve(dirname(file), specifier.replace(/^file:\/\//, ''))
    const inside = target.startsWith(MIGRATIONS + sep)
    return inside ? '' : `${specifier} resolves to ${relative(ROOT, target)}, outside db/migrations/`
  }
  if (specifier.startsWith('node:') || isBuiltin(specifier)) return ''
  if (specifier.startsWith('#')) return `${specifier} is a package.json subpath import (project code)`
  const name = packageName(specifier)
  if (PACKAGES.has(name) && existsSync(join(ROOT, 'node_modules', name))) return ''
  return `${specifier} is neither a node built-in nor a package of package.json`
}

function offences(files: string[]) {
  return files.flatMap((file) => {
    const code = readFileSync(file, 'utf8')
    return specifiers(code)
      .map((specifier) => problem(file, specifier))
      .filter(Boolean)
      .map((why) => `${relative(ROOT, file)}: ${why}`)
  })
}

describe('migrations are frozen', () => {
  const files = sourceFiles(MIGRATIONS)

  it('finds the migrations, their index and the frozen snapshots', () => {
    const names = files.map((file) => relative(MIGRATIONS, file).split(sep).join('/'))
    expect(names).toContain('index.ts')
    expect(names).toContain('2026-11-26T02-00_response-counts.ts')
    expect(names).toContain('2026-12-04T19-00_free-text-values.ts')
    expect(names.some((name) => name.startsWith('frozen/'))).toBe(true)
  })

  it('imports only packages, node built-ins and files inside db/migrations/', () => {
    expect(offences(files)).toEqual([])
  })

  it('loads, from db/migrations/index.ts, no module outside db/migrations/ but packages', async () => {
    // The same question asked of a bundler: every file esbuild pulls in to run the migrations
    // (imports resolved, packages left external) is one of db/migrations/.
    const result = await build({
      entryPoints: [join(MIGRATIONS, 'index.ts')],
      absWorkingDir: ROOT,
      bundle: true,
      write: false,
      metafile: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      logLevel: 'silent',
    })
    const loaded = Object.keys(result.metafile.inputs).map((input) => resolve(ROOT, input))
    expect(loaded.length).toBeGreaterThan(12)
    expect(loaded.filter((path) => !path.startsWith(MIGRATIONS + sep)).map((p) => relative(ROOT, p)))
      .toEqual([])
  })

  it('would notice an import of live code', () => {
    const file = join(MIGRATIONS, '2099-01-01T00-00_example.ts')
    const sample = `
      import { sql, type Kysely } from 'kysely'
      import { createHash } from 'node:crypto'
      import { withoutRowid } from './frozen/dialect.js'
      // import { gone } from '../queries/commented-out.js'
      import type { Database } from '../schema.js'
      import {
        rebuildResponseCounts,
      } from '../queries/response-counts.js'
      export { readDimensions } from '../../server/domain/dimensions.js'
      export * from '../dialect.js'
      import '../../server/domain/survey-core-setup.js'
      const lazy = () => import('../../server/domain/flatten-answers.js')
      const computed = (name: string) => import(\`../queries/\${name}.js\`)
      import { x } from '#server/x'
      import { y } from 'server/domain/y.js'
    `
    const found = specifiers(sample).map((specifier) => problem(file, specifier)).filter(Boolean)
    expect(found).toEqual([
      '../schema.js resolves to db/schema.js, outside db/migrations/',
      '../queries/response-counts.js resolves to db/queries/response-counts.js, outside db/migrations/',
      '../../server/domain/dimensions.js resolves to server/domain/dimensions.js, outside db/migrations/',
      '../dialect.js resolves to db/dialect.js, outside db/migrations/',
      '#server/x is a package.json subpath import (project code)',
      'server/domain/y.js is neither a node built-in nor a package of package.json',
      '../../server/domain/survey-core-setup.js resolves to server/domain/survey-core-setup.js, outside db/migrations/',
      '../../server/domain/flatten-answers.js resolves to server/domain/flatten-answers.js, outside db/migrations/',
      'a dynamic import whose module is not a string literal',
    ])
  })
})
