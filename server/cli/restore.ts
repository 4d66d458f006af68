import { copyFileSync, existsSync, mkdirSync, realpathSync, renameSync, rmSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { loadConfig } from '../config.js'
import { fsyncPath, verifyDatabaseFile, type BackupIo } from './backup.js'
import { CliError, parseFileArgs, runAsScript, runCli, sqliteFileOf } from './runner.js'

const USAGE = `Usage: npm run restore -- <backup file> --yes

Replaces the server's database (DATABASE_URL, default ./data/survey.db) with <backup file>,
after checking the backup. STOP THE SERVER FIRST: a running server keeps writing to the old
database. --yes confirms that it is stopped and that the current data may be replaced.`

function run(argv: string[], io: BackupIo): void {
  const parsed = parseFileArgs(argv, 'yes', USAGE)
  if (parsed === 'help') return io.stdout(`${USAGE}\n`)
  const { values, positionals } = parsed
  // SQLite cannot tell reliably whether another process has the file open: ask instead.
  if (!values.yes) {
    throw new CliError(`Refusing without --yes: stop the server first.\n\n${USAGE}`, 2)
  }

  const source = resolve(positionals[0])
  const target = resolve(sqliteFileOf(loadConfig(io.env).database))
  if (!existsSync(source)) throw new CliError(`No backup file at ${source}.`)
  if (existsSync(target) && realpathSync(target) === realpathSync(source)) {
    throw new CliError('The backup file is the database itself.')
  }

  // Copied next to the target and checked there, so the final step is one atomic rename and the
  // backup itself is never opened for writing.
  mkdirSync(dirname(target), { recursive: true })
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.restore.tmp`)
  try {
    copyFileSync(source, temp)
    const { responses } = verifyDatabaseFile(temp)
    fsyncPath(temp)
    // A leftover WAL of the old database would be replayed onto the restored one.
    for (const suffix of ['-wal', '-shm', '-journal']) rmSync(target + suffix, { force: true })
    renameSync(temp, target)
    fsyncPath(dirname(target))
    io.stdout(`Restored ${source} (${responses} responses) to ${target}.\n`)
  } finally {
    for (const suffix of ['', '-wal', '-shm']) rmSync(temp + suffix, { force: true })
  }
}

/** Returns the exit code: 0 done, 1 refused or failed, 2 wrong usage. */
export const main = (argv: string[], io: BackupIo) => runCli(() => run(argv, io), io)

runAsScript(import.meta.url, main, {})
