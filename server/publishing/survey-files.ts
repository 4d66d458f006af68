import { readdir, readFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { Kysely } from 'kysely'
import { saveSurveyVersion, type SaveOutcome } from '../../db/queries/surveys.js'
import type { Database } from '../../db/schema.js'
import { regexProblems } from '../domain/definition-regexes.js'
import { definitionChecksum, inspectDefinition } from '../domain/survey-definition.js'
import { isValidSlug } from '../domain/slug.js'

export interface LoadedSurveyFile {
  file: string
  slug: string
  version: number
  outcome: SaveOutcome
}

export class SurveyFileError extends Error {}

/**
 * Loads every `<slug>.json` in `dir` idempotently: an unchanged file adds nothing, a changed file
 * adds a new version. A survey first seen here starts open; later its status is the admins' call.
 */
export async function loadSurveyFiles(db: Kysely<Database>, dir: string) {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.json')).sort()
  const loaded: LoadedSurveyFile[] = []
  for (const file of files) {
    const slug = basename(file, '.json')
    const fail = (reason: string) => {
      throw new SurveyFileError(`Survey file ${join(dir, file)}: ${reason}`)
    }
    if (!isValidSlug(slug)) fail('the file name must be a slug (lower-case letters, digits, "-")')
    let definition: unknown
    try {
      definition = JSON.parse(await readFile(join(dir, file), 'utf8'))
    } catch (error) {
      fail(`not valid JSON (${error instanceof Error ? error.message : String(error)})`)
    }
    const report = inspectDefinition(definition)
    const errors = [...report.errors, ...regexProblems(definition)]
    if (errors.length > 0) fail(errors.join('; '))
    const { outcome, version, reason } = await saveSurveyVersion(db, {
      slug,
      title: report.title || slug,
      definition: JSON.stringify(definition),
      checksum: definitionChecksum(definition),
      source: `surveys/${file}`,
      initialStatus: 'open',
    })
    if (outcome === 'dimensions-changed') fail(reason ?? 'the dimensions changed')
    loaded.push({ file, slug, version, outcome })
  }
  return loaded
}
