import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  openSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import SQLite from 'better-sqlite3'
import { loadConfig } from '../config.js'
import { CliError, parseFileArgs, runAsScript, runCli, sqliteFileOf, type CliStreams } from './runner.js'

export type BackupIo = CliStreams

const USAGE = `Usage: npm run backup -- <file> [--force]

Copies the server's database (DATABASE_URL, default ./data/survey.db) to <file>, consistently,
while the server keeps running. Refuses to overwrite <file> unless --force is given.`

/** Flushes a file (or folder entry) to disk, so a backup reported as made survives power loss. */
export function fsyncPath(path: string): void {
  const fd = openSync(path, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** Checks the copy on its own connection: a backup that cannot be read is no backup. */
export function verifyDatabaseFile(path: string): { responses: number } {
  const db = new SQLite(path, { fileMustExist: true })
  try {
    const check = db.pragma('integrity_check', { simple: true })
    if (check !== 'ok') throw new CliError(`${path} failed integrity_check: ${String(check)}`)
    const table = db
      .prepare(`select 1 from sqlite_master where type = 'table' and name = 'responses'`)
      .get()
    if (!table) throw new CliError(`${path} is not a survey database: it has no responses table.`)
    const row = db.prepare('select count(*) as n from responses').get() as { n: number }
    return { responses: row.n }
  } catch (error) {
    if (error instanceof CliError) throw error
    throw new CliError(`${path} is not a readable SQLite database: ${(error as Error).message}`)
  } finally {
    db.close()
  }
}

function run(argv: string[], io: BackupIo): void {
  const parsed = parseFileArgs(argv, 'force', USAGE)
  if (parsed === 'help') return io.stdout(`${USAGE}\n`)
  const { values, positionals } = parsed

  const source = sqliteFileOf(loadConfig(io.env).database)
  const target = resolve(positionals[0])
  if (!existsSync(source)) throw new CliError(`No database at ${source} (DATABASE_URL).`)
  if (existsSync(target) && !values.force) {
    throw new CliError(`${target} already exists; give --force to overwrite it.`)
  }
  if (existsSync(target) && realpathSync(target) === realpathSync(source)) {
    throw new CliError('The backup file is the live database itself.')
  }

  // Written next to the target, then moved into place: never a half-written file at <file>.
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`)
  rmSync(temp, { force: true })
  const db = new SQLite(source, { fileMustExist: true })
  try {
    db.pragma('busy_timeout = 5000')
    // One read transaction: a consistent snapshot, and in WAL mode the server keeps writing.
    db.prepare('VACUUM INTO ?').run(temp)
  } finally {
    db.close()
  }
  try {
    const { responses } = verifyDatabaseFile(temp)
    fsyncPath(temp)
    if (values.force) renameSync(temp, target)
    else linkSync(temp, target) // fails if <file> appeared meanwhile: still no overwrite
    fsyncPath(dirname(target))
    const kib = Math.ceil(statSync(target).size / 1024)
    io.stdout(`Backed up ${source} to ${target} (${responses} responses, ${kib} KiB).\n`)
  } finally {
    for (const suffix of ['', '-wal', '-shm']) rmSync(temp + suffix, { force: true })
  }
}

/** Returns the exit code: 0 done, 1 refused or failed, 2 wrong usage. */
export const main = (argv: string[], io: BackupIo) => runCli(() => run(argv, io), io)

runAsScript(import.meta.url, main, {})
