// The bare route on every core, the way a stateless route would be scaled. The submission server
// is one process per SQLite file.
import { onEveryCore } from './on-every-core.js'

await onEveryCore(() => import('./bare-server.js'))
