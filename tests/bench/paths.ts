import { fileURLToPath } from 'node:url'
import { join } from 'node:path'

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))
/** Bench builds live inside the repo (gitignored) so bundled code finds node_modules. */
export const BENCH_OUT = join(REPO_ROOT, 'test-output', 'bench')
