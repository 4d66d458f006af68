// The production server with synchronous=NORMAL: a reference figure only (a crash may lose the
// last acknowledged responses), never the default.
import { SQLITE_PRAGMAS } from '../../../db/connection.js'

;(SQLITE_PRAGMAS as { synchronous: string }).synchronous = 'normal'
await import('../../../server/index.js')
