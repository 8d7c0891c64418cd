// A tiny line chart of a series (a segment's size over time), named for screen readers by the caller.
export function Sparkline({ points, label, width = 96, height = 24 }: { points: string | null; label: string; width?: number; height?: number }) {
  if (!points) return <span className="sparkline-empty" aria-label={label} role="img">–</span>;
  return (
    <svg className="sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      <polyline points={points} fill="none" stroke="#3451b2" strokeWidth="1.5" strokeLinejoin="round" strokeLinecap="round" />
    </svg>
  );
}
