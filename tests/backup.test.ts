import { spawnSync } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openSqlite } from '../db/connection.js'
import { main as backup } from '../server/cli/backup.js'
import { main as restore } from '../server/cli/restore.js'
import { allCorrectBundledAnswers } from './fixtures.js'
import {
  buildApp,
  REPO_ROOT,
  startServer,
  startServerAt,
  SURVEY_SLUG,
  type RunningServer,
} from './server-process.js'

function io(databasePath: string) {
  const out = { stdout: '', stderr: '' }
  return {
    out,
    io: {
      env: { DATABASE_URL: databasePath },
      stdout: (text: string) => void (out.stdout += text),
      stderr: (text: string) => void (out.stderr += text),
    },
  }
}

async function submit(server: RunningServer, marker: string): Promise<number> {
  const res = await fetch(`${server.baseUrl}/api/surveys/${SURVEY_SLUG}/responses`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      answers: { ...allCorrectBundledAnswers, comment: marker },
      locale: 'fi',
    }),
  })
  await res.arrayBuffer()
  return res.status
}

function storedMarkers(path: string): string[] {
  const db = new Database(path, { readonly: true })
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    const rows = db.prepare('select answers from response_answers').all() as { answers: string }[]
    return rows.map((row) => JSON.parse(row.answers).comment as string)
  } finally {
    db.close()
  }
}

describe('backup and restore', () => {
  const dir = mkdtempSync(join(tmpdir(), 'survey-backup-test-'))
  const backupFile = join(dir, 'backup.db')
  const before = ['before-1', 'before-2', 'before-3']
  let server: RunningServer

  beforeAll(async () => {
    buildApp()
    server = await startServer()
  }, 120_000)
  afterAll(async () => {
    await server?.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  it('copies the live database consistently while responses keep arriving', async () => {
    for (const marker of before) expect(await submit(server, marker)).toBe(201)

    // Writers keep going during the backup; their outcome does not matter here.
    let writing = true
    const writers = Array.from({ length: 3 }, async (_, w) => {
      for (let n = 0; writing; n++) await submit(server, `during-${w}-${n}`)
    })
    await new Promise((resolve) => setTimeout(resolve, 200))
    const { io: cli, out } = io(server.databasePath)
    const code = await backup([backupFile], cli)
    writing = false
    await Promise.all(writers)

    expect(out.stderr).toBe('')
    expect(code).toBe(0)
    expect(out.stdout).toMatch(/^Backed up .* to .*backup\.db \(\d+ responses, \d+ KiB\)/)
    expect(storedMarkers(backupFile)).toEqual(expect.arrayContaining(before))
  })

  it('refuses to overwrite a file unless --force', async () => {
    const existing = join(dir, 'existing.db')
    writeFileSync(existing, 'keep me')
    const refused = io(server.databasePath)
    expect(await backup([existing], refused.io)).toBe(1)
    expect(refused.out.stderr).toMatch(/already exists; give --force/)
    expect(readFileSync(existing, 'utf8')).toBe('keep me')

    const forced = io(server.databasePath)
    expect(await backup([existing, '--force'], forced.io)).toBe(0)
    expect(storedMarkers(existing)).toEqual(expect.arrayContaining(before))
  })

  it('restores into a fresh DATABASE_URL that a server then serves', async () => {
    const target = join(dir, 'restored', 'survey.db')
    const unconfirmed = io(target)
    expect(await restore([backupFile], unconfirmed.io)).toBe(2)
    expect(unconfirmed.out.stderr).toMatch(/--yes/)
    expect(existsSync(target)).toBe(false)

    const { io: cli, out } = io(target)
    expect(await restore([backupFile, '--yes'], cli)).toBe(0)
    expect(out.stdout).toMatch(/^Restored .*backup\.db \(\d+ responses\) to .*survey\.db/)

    const restored = await startServerAt(target)
    try {
      const res = await fetch(`${restored.baseUrl}/api/surveys/${SURVEY_SLUG}`)
      expect(res.status).toBe(200)
      expect(await submit(restored, 'after-restore')).toBe(201)
    } finally {
      await restored.stop()
    }
    expect(storedMarkers(target)).toEqual(expect.arrayContaining([...before, 'after-restore']))
  })

  it('replaces an existing database and drops its leftover WAL', async () => {
    const target = join(dir, 'replaced', 'survey.db')
    const old = openSqlite(target)
    old.pragma('wal_autocheckpoint = 0')
    old.exec(`create table stale (x); insert into stale values (1)`)
    // A WAL left behind by a killed server: it must not be replayed onto the restored file.
    copyFileSync(`${target}-wal`, `${target}-wal.saved`)
    old.close()
    renameSync(`${target}-wal.saved`, `${target}-wal`)

    const { io: cli } = io(target)
    expect(await restore([backupFile, '--yes'], cli)).toBe(0)
    expect(existsSync(`${target}-wal`)).toBe(false)
    expect(storedMarkers(target)).toEqual(expect.arrayContaining(before))
    const db = new Database(target, { readonly: true })
    const stale = db.prepare(`select name from sqlite_master where name = 'stale'`).all()
    db.close()
    expect(stale).toEqual([])
  })

  it('refuses a file that is not a survey database and leaves the database alone', async () => {
    const target = join(dir, 'untouched', 'survey.db')
    const garbage = join(dir, 'garbage.db')
    writeFileSync(garbage, 'not a database'.repeat(100))
    const { io: cli, out } = io(target)
    expect(await restore([garbage, '--yes'], cli)).toBe(1)
    expect(out.stderr).toMatch(/not a readable SQLite database/)
    expect(existsSync(target)).toBe(false)

    const empty = join(dir, 'empty.db')
    new Database(empty).close()
    const second = io(target)
    expect(await restore([empty, '--yes'], second.io)).toBe(1)
    expect(second.out.stderr).toMatch(/no responses table/)
  })

  it('runs as `npx tsx server/cli/backup.ts <file>`', () => {
    const file = join(dir, 'spawned.db')
    const result = spawnSync('npx', ['tsx', 'server/cli/backup.ts', file], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATABASE_URL: server.databasePath },
      encoding: 'utf8',
    })
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    expect(result.stdout).toMatch(/^Backed up /)
    expect(storedMarkers(file)).toEqual(expect.arrayContaining(before))
  }, 30_000)
})
