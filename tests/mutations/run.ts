// Mutation check (npm run test:mutations): applies each break in mutations.ts to a temporary copy
// of the project, never to this working tree, runs the tests meant to catch it, and fails unless
// every break makes them fail. `-- --baseline` first runs those tests on the unbroken copy;
// `-- name-part` runs only the matching mutations.
import { spawnSync } from 'node:child_process'
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { MUTATIONS, type Mutation } from './mutations.js'

const ROOT = join(import.meta.dirname, '..', '..')
const args = process.argv.slice(2)
const baseline = args.includes('--baseline')
const only = args.filter((a) => !a.startsWith('--'))
const chosen = MUTATIONS.filter((m) => only.length === 0 || only.some((o) => m.name.includes(o)))
if (chosen.length === 0) throw new Error(`no mutation matches ${only.join(', ')}`)

/** A copy of the tracked and untracked (not ignored) files, sharing node_modules and dist/client. */
function copyProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'survey-mutation-'))
  const git = spawnSync('git', ['ls-files', '-z', '-co', '--exclude-standard'], { cwd: ROOT })
  for (const file of git.stdout.toString().split('\0').filter(Boolean)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true })
    try {
      cpSync(join(ROOT, file), join(dir, file))
    } catch {
      // listed but deleted in the working tree
    }
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'))
  mkdirSync(join(dir, 'dist'))
  symlinkSync(join(ROOT, 'dist', 'client'), join(dir, 'dist', 'client'))
  return dir
}

function apply(dir: string, mutation: Mutation): void {
  for (const edit of mutation.edits) {
    const path = join(dir, edit.file)
    const text = readFileSync(path, 'utf8')
    const found = text.split(edit.find).length - 1
    // A stale mutation would "survive" for the wrong reason: the code it breaks moved.
    if (found !== 1)
      throw new Error(`${mutation.name}: ${edit.file} has ${found} copies of its text`)
    writeFileSync(path, text.replace(edit.find, edit.replace))
  }
}

function runTests(dir: string, mutation: Mutation): { ok: boolean; output: string } {
  if (mutation.build) {
    const built = spawnSync('npm', ['run', 'build:server'], { cwd: dir, encoding: 'utf8' })
    if (built.status !== 0) throw new Error(`${mutation.name}: build failed\n${built.stderr}`)
  }
  const vitest = join(dir, 'node_modules', 'vitest', 'vitest.mjs')
  const run = spawnSync(
    process.execPath,
    [
      vitest,
      'run',
      '--project',
      'sqlite',
      ...(mutation.testName ? ['-t', mutation.testName] : []),
      ...mutation.tests,
    ],
    {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, TEST_DATABASE_URL: '', NO_COLOR: '1', FORCE_COLOR: '' },
    },
  )
  return { ok: run.status === 0, output: `${run.stdout}\n${run.stderr}` }
}

const results: { name: string; caughtBy: string; verdict: string }[] = []
for (const mutation of chosen) {
  const dir = copyProject()
  try {
    if (baseline) {
      const clean = runTests(dir, mutation)
      if (!clean.ok) {
        results.push({
          name: mutation.name,
          caughtBy: mutation.tests.join(' '),
          verdict: 'FAILS UNBROKEN',
        })
        console.error(clean.output.slice(-3000))
        continue
      }
    }
    apply(dir, mutation)
    const broken = runTests(dir, mutation)
    if (process.env.MUTATION_VERBOSE) console.log(broken.output)
    const plain = broken.output.replace(/\x1b\[[0-9;]*m/g, '')
    const failed = [...plain.matchAll(/^\s*FAIL\s+(?:\|?sqlite\|?\s+)?(.*)$/gm)].map((m) =>
      m[1].trim(),
    )
    results.push({
      name: mutation.name,
      caughtBy: failed[0] ?? mutation.tests.join(' '),
      verdict: broken.ok ? 'SURVIVED' : 'caught',
    })
    console.log(`${broken.ok ? 'SURVIVED' : 'caught  '} ${mutation.name}`)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

console.log('\n| mutation | claim | caught by |\n| --- | --- | --- |')
for (const r of results) {
  const m = MUTATIONS.find((x) => x.name === r.name)!
  console.log(
    `| ${r.name} | ${m.claim} | ${r.verdict === 'caught' ? r.caughtBy : `**${r.verdict}**`} |`,
  )
}
if (results.some((r) => r.verdict !== 'caught')) process.exitCode = 1
