// The response writer's thread with synchronous=NORMAL, for server-sync-normal.ts (a reference).
import { SQLITE_PRAGMAS } from '../../../db/connection.js'

;(SQLITE_PRAGMAS as { synchronous: string }).synchronous = 'normal'
await import('../../../server/sqlite-writer-worker.js')
