import { buildCodebook, type Codebook } from '../domain/codebook.js'
import { perVersion } from '../platform/version-cache.js'

/** Codebooks per version id, built once (a build loads survey-core). */
export const createCodebooks = () => perVersion<Codebook>((definition) => buildCodebook(definition), 32)

export type Codebooks = ReturnType<typeof createCodebooks>
