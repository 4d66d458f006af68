import { requestFor, type Call, type RawRequest } from '../endpoints/request.js'
import type { Endpoint } from '../endpoints/routes.js'
import { lyingZipBomb, XLSX_TYPE, zipBomb } from '../xlsform-fixtures.js'
import type { MalformedClass } from './classes.js'

const isXlsx = (e: Endpoint) => e.spec.xlsx === true

/** The valid upload with its bytes (and media type) replaced. */
const upload = (
  name: string,
  bytes: () => Uint8Array,
  type = XLSX_TYPE,
  headers = {},
): MalformedClass => ({
  name,
  appliesTo: isXlsx,
  build: (e: Endpoint, call: Call): RawRequest[] => {
    const base = requestFor(e.method, e.path, { ...call, raw: { type, bytes: bytes() } })
    return [{ ...base, headers: { ...base.headers, ...headers } }]
  },
})

const text = (value: string) => () => new TextEncoder().encode(value)
const MAX_XLSX_BYTES = 5 * 1024 * 1024

// Spreadsheet uploads are untrusted files: every one of these is refused with a 4xx.
export const XLSX_CLASSES: MalformedClass[] = [
  upload('xlsx: empty body', text('')),
  upload('xlsx: garbage bytes', text('PK\u0003\u0004 not really a zip')),
  upload('xlsx: a JSON body sent as .xlsx', text('{"slug": "x", "definition": {}}')),
  upload('xlsx: a zip that is not a workbook', () => zipBomb(0)),
  upload('xlsx: zip bomb (unpacks to 64 MiB)', () => zipBomb(64)),
  upload('xlsx: zip bomb whose headers understate its size', () => lyingZipBomb(64)),
  upload('xlsx: sent as application/octet-stream', text('x'), 'application/octet-stream'),
  upload('xlsx: oversized by Content-Length', () => new Uint8Array(MAX_XLSX_BYTES + 1), XLSX_TYPE, {
    'Content-Length': String(MAX_XLSX_BYTES + 1),
  }),
  {
    name: 'xlsx: no slug',
    appliesTo: isXlsx,
    build: (e, call) => [requestFor(e.method, e.path, { ...call, query: {} })],
  },
]
