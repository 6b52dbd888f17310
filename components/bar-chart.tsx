/**
 * A horizontal bar chart in plain SVG: no canvas, no script, sharp at any size. It is drawn
 * beside a table with the same numbers, so the SVG itself is a labelled image.
 */
export function BarChart({ title, bars, max }: { title: string; bars: { label: string; value: number; note?: string }[]; max?: number }) {
  const top = Math.max(1, max ?? Math.max(...bars.map((b) => b.value), 1));
  const rowHeight = 28;
  const labelWidth = 180;
  const width = 640;
  const height = bars.length * rowHeight + 8;
  return (
    <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title} className="h-auto w-full max-w-3xl">
      <title>{title}</title>
      {bars.map((bar, i) => {
        const barWidth = ((width - labelWidth - 60) * bar.value) / top;
        const y = i * rowHeight + 4;
        return (
          <g key={bar.label}>
            <text x={labelWidth - 8} y={y + 17} textAnchor="end" fontSize="13" fill="#1e293b">
              {bar.label.length > 26 ? `${bar.label.slice(0, 25)}…` : bar.label}
            </text>
            <rect x={labelWidth} y={y + 3} width={Math.max(barWidth, 1)} height={rowHeight - 10} rx="3" fill="#1f5fae" />
            <text x={labelWidth + barWidth + 6} y={y + 17} fontSize="13" fill="#1e293b">
              {bar.note ?? bar.value}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
