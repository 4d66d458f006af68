export interface BenchOptions {
  quick: boolean
  sections: Set<Section>
  /** Synthetic database sizes for aggregation; the largest one is also used for cold start. */
  sizes: number[]
  /** Validated answer sets the generator draws from. */
  variants: number
  /** Distinct request bodies autocannon cycles through. */
  bodies: number
  load: { seconds: number; warmupSeconds: number; connections: number }
  /** A second load run with this many connections: how far group commit scales. */
  manyConnections: number
  coldStartRuns: number
  aggregateRepeats: number
  /** Responses generated for the counts-backfill measurement (section 2b). */
  backfillSize: number
  /** Where the Markdown table goes; undefined: printed only. */
  outFile: string | undefined
}

export const SECTIONS = [
  'submission',
  'aggregation',
  'backfill',
  'page',
  'cold-start',
  'disclosure',
] as const
export type Section = (typeof SECTIONS)[number]

/**
 * `--quick` (smoke: tiny sizes, seconds per run, no BENCHMARKS.md), `--only=a,b`, `--sizes=`,
 * `--backfill-size=` (default 100,000: `--only=backfill` takes a few minutes), `--out=`.
 */
export function parseOptions(argv: string[], defaultOut: string): BenchOptions {
  const flag = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1]
  const quick = argv.includes('--quick')
  const only = flag('only')?.split(',') ?? [...SECTIONS]
  const unknown = only.filter((s) => !(SECTIONS as readonly string[]).includes(s))
  if (unknown.length > 0) throw new Error(`unknown section(s): ${unknown.join(', ')}`)
  const sizes = flag('sizes')?.split(',').map(Number) ?? (quick ? [500, 5_000] : [100_000, 1_000_000])
  return {
    quick,
    sections: new Set(only as Section[]),
    sizes,
    variants: quick ? 6 : 48,
    bodies: quick ? 10 : 100,
    load: quick
      ? { seconds: 3, warmupSeconds: 2, connections: 4 }
      : { seconds: 10, warmupSeconds: 3, connections: 10 },
    manyConnections: quick ? 16 : 100,
    coldStartRuns: quick ? 1 : 3,
    // The median of 3, like the baseline.
    aggregateRepeats: 3,
    backfillSize: Number(flag('backfill-size') ?? (quick ? 2_000 : 100_000)),
    outFile: flag('out') ?? (quick ? undefined : defaultOut),
  }
}
