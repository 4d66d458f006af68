import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'
import { createSlots } from './hash-slots.js'

/** scrypt N (CPU/memory cost): 2^17 with r=8 uses 128 MiB and ~100-300 ms per hash. */
export const DEFAULT_PASSWORD_COST = 2 ** 17
const BLOCK_SIZE = 8
const PARALLELISM = 1
const SALT_BYTES = 16
const KEY_BYTES = 32
// Bounds for parameters read back from the database: a corrupt row must not allocate gigabytes.
const MIN_LOG2_COST = 10
const MAX_MEMORY = 512 * 1024 * 1024

interface ScryptParams {
  log2Cost: number
  blockSize: number
  parallelism: number
}

const memoryOf = ({ log2Cost, blockSize }: ScryptParams) => 128 * 2 ** log2Cost * blockSize

// Node refuses when 128*N*r exceeds maxmem (32 MiB by default): allow it, with headroom.
const scryptOptions = (params: ScryptParams): ScryptOptions => ({
  N: 2 ** params.log2Cost,
  r: params.blockSize,
  p: params.parallelism,
  maxmem: 2 * memoryOf(params),
})

const saneParams = (params: ScryptParams) =>
  params.log2Cost >= MIN_LOG2_COST &&
  params.blockSize >= 1 &&
  params.parallelism >= 1 &&
  params.parallelism <= 4 &&
  memoryOf(params) <= MAX_MEMORY

/**
 * Hashes at once per process: two of libuv's four threads, so gzip and file reads keep the other
 * two during a burst of sign-ins; a few dozen more wait, beyond that HashingBusy (503).
 */
export const HASH_CONCURRENCY = 2
export const HASH_QUEUE = 32
const hashSlot = createSlots({ concurrency: HASH_CONCURRENCY, maxQueue: HASH_QUEUE })

// The async form runs on the libuv thread pool, so a slow hash does not block the event loop.
const derive = (password: string, salt: Buffer, length: number, params: ScryptParams) =>
  hashSlot(
    () =>
      new Promise<Buffer>((resolve, reject) =>
        scrypt(password.normalize('NFC'), salt, length, scryptOptions(params), (error, key) =>
          error ? reject(error) : resolve(key),
        ),
      ),
  )

/** A self-describing hash: `scrypt$<log2 N>$<r>$<p>$<salt base64>$<hash base64>`. */
export async function hashPassword(
  password: string,
  cost = DEFAULT_PASSWORD_COST,
): Promise<string> {
  const params = { log2Cost: Math.log2(cost), blockSize: BLOCK_SIZE, parallelism: PARALLELISM }
  if (!Number.isInteger(params.log2Cost) || !saneParams(params)) {
    throw new RangeError(`scrypt cost must be a power of two from 2^${MIN_LOG2_COST}`)
  }
  const salt = randomBytes(SALT_BYTES)
  const hash = await derive(password, salt, KEY_BYTES, params)
  const fields = [params.log2Cost, params.blockSize, params.parallelism]
  return ['scrypt', ...fields, salt.toString('base64'), hash.toString('base64')].join('$')
}

const isBase64 = (field: string | undefined) => /^[A-Za-z0-9+/]+={0,2}$/.test(field ?? '')
const isSmallInt = (field: string | undefined) => /^\d{1,2}$/.test(field ?? '')

export function parsePasswordHash(stored: string) {
  const [scheme, log2Cost, blockSize, parallelism, salt, hash, ...rest] = stored.split('$')
  const wellFormed =
    scheme === 'scrypt' &&
    rest.length === 0 &&
    [log2Cost, blockSize, parallelism].every(isSmallInt) &&
    [salt, hash].every(isBase64)
  if (!wellFormed) return undefined
  const params = {
    log2Cost: Number(log2Cost),
    blockSize: Number(blockSize),
    parallelism: Number(parallelism),
  }
  const saltBytes = Buffer.from(salt, 'base64')
  const hashBytes = Buffer.from(hash, 'base64')
  if (!saneParams(params) || saltBytes.length < SALT_BYTES || hashBytes.length < 16) {
    return undefined
  }
  return { ...params, salt: saltBytes, hash: hashBytes }
}

/** Constant-time comparison, with the parameters stored in the hash; false for a corrupt hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parsePasswordHash(stored)
  if (!parsed) return false
  const candidate = await derive(password, parsed.salt, parsed.hash.length, parsed)
  return timingSafeEqual(candidate, parsed.hash)
}

const dummyHashes = new Map<number, Promise<string>>()

/**
 * A hash of a random password, made once per cost: checking a password for an unknown user
 * against it takes as long as for a real user, so timing does not reveal which names exist.
 */
export function dummyHash(cost = DEFAULT_PASSWORD_COST): Promise<string> {
  let hash = dummyHashes.get(cost)
  if (!hash) {
    hash = hashPassword(randomBytes(16).toString('hex'), cost).catch((error: unknown) => {
      dummyHashes.delete(cost) // a busy moment (HashingBusy) must not stick
      throw error
    })
    dummyHashes.set(cost, hash)
  }
  return hash
}

/** 144 random bits as 24 URL-safe characters: for first admins and CLI-created accounts. */
export const generatePassword = () => randomBytes(18).toString('base64url')
