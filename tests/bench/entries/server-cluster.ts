// The production server as one instance per core, the way they run behind a proxy on
// PostgreSQL. Only for PostgreSQL: SQLite is one server per file.
import { onEveryCore } from './on-every-core.js'

await onEveryCore(() => import('../../../server/index.js'))
