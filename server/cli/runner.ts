import { realpathSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { ConfigError } from '../config.js'
import type { DatabaseTarget } from '../../db/connection.js'

/** What every command-line tool reads and writes; injected so tests need no child process. */
export interface CliStreams {
  env: Record<string, string | undefined>
  stdout: (text: string) => void
  stderr: (text: string) => void
}

/** A refusal the user can act on. Exit codes: 1 refused or failed, 2 wrong usage. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message)
  }
}

/** Runs a command and turns its outcome into an exit code: 0 done, 1 refused or failed, 2 usage. */
export async function runCli(command: () => unknown, io: CliStreams): Promise<number> {
  try {
    await command()
    return 0
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`${error.message}\n`)
      return error.exitCode
    }
    const message = error instanceof ConfigError ? error.message : `Failed: ${String(error)}`
    io.stderr(`${message}\n`)
    return 1
  }
}

const isEntryPoint = (moduleUrl: string) => {
  try {
    return moduleUrl === pathToFileURL(realpathSync(process.argv[1] ?? '')).href
  } catch {
    return false
  }
}

/** Runs `main` with the real process streams when the module is the script node was started with. */
export function runAsScript<Io extends CliStreams>(
  moduleUrl: string,
  main: (argv: string[], io: Io) => Promise<number>,
  extra: Omit<Io, keyof CliStreams>,
): void {
  if (!isEntryPoint(moduleUrl)) return
  const io = {
    env: process.env,
    stdout: (text: string) => process.stdout.write(text),
    stderr: (text: string) => process.stderr.write(text),
    ...extra,
  } as unknown as Io
  main(process.argv.slice(2), io).then((code) => {
    process.exitCode = code
  })
}

/** Backup and restore copy the SQLite file; PostgreSQL has its own tools for that. */
export function sqliteFileOf(target: DatabaseTarget): string {
  if (target.kind === 'sqlite') return target.path
  throw new CliError(
    'DATABASE_URL points to PostgreSQL: use pg_dump / pg_restore (see README, "Running on PostgreSQL").',
  )
}

/**
 * `<file> [--flag] [--help]`, as backup and restore take it: wrong usage is exit code 2 with the
 * usage text; 'help' when asked for it.
 */
export function parseFileArgs<F extends string>(argv: string[], flag: F, usage: string) {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      options: { [flag]: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    })
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n\n${usage}`, 2)
  }
  if (parsed.values.help) return 'help' as const
  if (parsed.positionals.length !== 1) {
    throw new CliError(`Give exactly one backup file.\n\n${usage}`, 2)
  }
  return { values: parsed.values as Partial<Record<F, boolean>>, positionals: parsed.positionals }
}
