/** A small seeded PRNG (mulberry32): the same seed gives the same synthetic data in every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const pick = <T>(random: () => number, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)]

/** Skewed choice: earlier items are more likely, as real sectors and regions are uneven. */
export const pickSkewed = <T>(random: () => number, items: readonly T[]): T =>
  items[Math.floor(random() ** 2 * items.length)]

export function subset<T>(random: () => number, items: readonly T[], chance: number): T[] {
  return items.filter(() => random() < chance)
}
