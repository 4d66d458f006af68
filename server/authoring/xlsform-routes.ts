import { Hono, type MiddlewareHandler } from 'hono'
import type { Kysely } from 'kysely'
import type { Audit } from '../../db/queries/audit-log.js'
import { findLatestVersion } from '../../db/queries/surveys.js'
import type { Database } from '../../db/schema.js'
import { describedVersion } from '../results/aggregates-query.js'
import {
  exportXlsForm,
  importXlsForm,
  MAX_XLSX_BYTES,
  XLSX_TYPE,
} from './xlsform/index.js'
import type { AuthEnv } from '../accounts/middleware.js'
import { attachment } from '../platform/content-disposition.js'
import { readDimensions } from '../domain/dimensions.js'
import { ApiError } from '../platform/errors.js'
import { paramsOf, queryOf } from '../platform/contract/validation.js'
import { limitBody } from '../platform/json-body.js'
import { assertValidSlug, createSurvey, replaceSurvey } from './survey-saves.js'
import { surveyOr404 } from '../platform/survey-or-404.js'
import * as contract from './contract.js'
import type { SurveyImport } from './contract.js'

export interface AdminXlsFormDeps {
  db: Kysely<Database>
  requireAdmin: MiddlewareHandler<AuthEnv>
  audit: Audit
}

/** 415 before reading: only .xlsx bodies (no form can send this type cross-site). */
const requireXlsx: MiddlewareHandler = async (c, next) => {
  const type = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase()
  if (type !== XLSX_TYPE) {
    throw new ApiError(415, 'unsupported_media_type', `Send the file as ${XLSX_TYPE}.`)
  }
  await next()
}

const dimensionNames = (definition: Record<string, unknown>) => {
  try {
    return readDimensions(definition).dimensions.map((d) => d.name)
  } catch {
    return []
  }
}

/**
 * A spreadsheet marks dimensions but cannot order them; releases are keyed by their order, so the
 * same set as the current version keeps the current order (and its declaration, or lack of one).
 */
function keepDimensionOrder(next: Record<string, unknown>, current: Record<string, unknown>) {
  const now = dimensionNames(current)
  const marked = dimensionNames(next)
  if (now.length !== marked.length || !now.every((n) => marked.includes(n))) return next
  const { dimensions: _, ...rest } = next
  return current.dimensions === undefined ? rest : { ...rest, dimensions: current.dimensions }
}

// Validation by the operations' own schemas (contract.ts), as the document describes them.
const limitXlsx = limitBody(MAX_XLSX_BYTES)
const importQuery = queryOf(contract.importXlsForm.query)
const exportParams = paramsOf(contract.exportXlsForm.params)
const exportQuery = queryOf(contract.exportXlsForm.query)

/** XLSForm in (admins; as POST or PUT /surveys) and out (anyone who may read the definition). */
export const adminXlsFormRoutes = ({ db, requireAdmin, audit }: AdminXlsFormDeps) =>
  new Hono<AuthEnv>()
    .post('/import', requireAdmin, requireXlsx, limitXlsx, importQuery, async (c) => {
      const bytes = new Uint8Array(await c.req.arrayBuffer())
      const { slug } = c.req.valid('query')
      assertValidSlug(slug)
      const form = await importXlsForm(bytes)
      if (!form.ok) {
        if (form.status === 413) {
          throw new ApiError(413, 'payload_too_large', 'The workbook is too large.', form.problems)
        }
        const message = 'The spreadsheet cannot be imported as it is.'
        throw new ApiError(422, 'invalid_xlsform', message, form.problems)
      }
      const save = { db, audit, actor: c.get('user').username, slug, via: { source: 'xlsform' } }
      const { warnings, definition } = form
      const existing = await findLatestVersion(db, slug)
      if (!existing) {
        const created: SurveyImport = { ...(await createSurvey(save, definition)), warnings }
        return c.json(created, 201)
      }
      const saved = await replaceSurvey(
        save,
        (now) => keepDimensionOrder(definition, now),
        existing,
      )
      const imported: SurveyImport = { ...saved, warnings }
      return c.json(imported)
    })
    .get('/:slug/xlsform', exportParams, exportQuery, async (c) => {
      const survey = await surveyOr404(db, c.req.valid('param').slug)
      const version = await describedVersion(db, survey, c.req.valid('query').version)
      const definition = JSON.parse(version.definition) as Record<string, unknown>
      const form = await exportXlsForm(definition, {
        formId: survey.slug,
        version: version.version,
      })
      if (!form.ok) {
        const message = 'Parts of this questionnaire cannot be written as XLSForm.'
        throw new ApiError(422, 'xlsform_unsupported', message, form.problems)
      }
      return c.body(form.file as never, 200, {
        'Content-Type': XLSX_TYPE,
        'Content-Disposition': attachment(`${survey.slug}-v${version.version}`, 'xlsx'),
      })
    })
