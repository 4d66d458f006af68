/** A point with its 95 % interval on a 0..max scale, drawn small enough for a table cell. */
export function Whisker({
  value,
  ci,
  max,
  reference,
  label,
}: {
  value: number | null
  ci: [number, number] | null
  max: number
  /** A second marker, e.g. the baseline's share. */
  reference?: number
  label: string
}) {
  const width = 120
  const x = (v: number) => 4 + (v / max) * (width - 8)
  return (
    <svg className="whisker" width={width} height={16} role="img" aria-label={label}>
      <line x1={4} x2={width - 4} y1={8} y2={8} className="whisker-track" />
      {ci && <line x1={x(ci[0])} x2={x(ci[1])} y1={8} y2={8} className="whisker-ci" />}
      {ci && <line x1={x(ci[0])} x2={x(ci[0])} y1={4} y2={12} className="whisker-ci" />}
      {ci && <line x1={x(ci[1])} x2={x(ci[1])} y1={4} y2={12} className="whisker-ci" />}
      {reference !== undefined && (
        <rect
          x={x(reference) - 3}
          y={5}
          width={6}
          height={6}
          className="whisker-reference"
          transform={`rotate(45 ${x(reference)} 8)`}
        />
      )}
      {value !== null && <circle cx={x(value)} cy={8} r={3.5} className="whisker-point" />}
    </svg>
  )
}
