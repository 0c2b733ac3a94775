/** A small bar chart of a speaker's statements per month (the months the reader read them). */
interface Month {
  month: string;
  count: number;
}

interface Props {
  months: Month[];
}

/** Every month from the first to the last, empty ones included, so gaps show as gaps. */
export function fillMonths(months: Props['months']): Props['months'] {
  if (months.length === 0) return [];
  const have = new Map(months.map((m) => [m.month, m.count]));
  const [y0, m0] = (months[0] as Month).month.split('-').map(Number) as [number, number];
  const last = (months[months.length - 1] as Month).month;
  const out: Props['months'] = [];
  // At most twenty years of bars; the index counts months from the first one.
  for (let i = 0; out.length < 240; i++) {
    const y = y0 + Math.floor((m0 - 1 + i) / 12);
    const m = ((m0 - 1 + i) % 12) + 1;
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push({ month: key, count: have.get(key) ?? 0 });
    if (key === last) break;
  }
  return out;
}

export function ActivityChart({ months }: Props) {
  const all = fillMonths(months);
  if (all.length === 0) return null;
  const max = Math.max(...all.map((m) => m.count));
  const w = 14;
  const h = 48;
  const summary = all.map((m) => `${m.month}: ${m.count}`).join(', ');
  return (
    <figure class="ql-chart">
      <svg
        // Wide enough for its month labels even with one bar.
        width={Math.max(120, all.length * w)}
        height={h + 14}
        role="img"
        aria-label={`Statements per month: ${summary}`}
      >
        {all.map((m, i) => {
          const bh = max ? Math.max(m.count ? 2 : 0, Math.round((m.count / max) * h)) : 0;
          return (
            <g key={m.month}>
              <rect x={i * w + 2} y={h - bh} width={w - 4} height={bh} class="ql-chart-bar">
                <title>{`${m.month}: ${m.count}`}</title>
              </rect>
            </g>
          );
        })}
        <text x={0} y={h + 12} class="ql-chart-label">
          {(all[0] as Month).month}
        </text>
        {all.length > 8 && (
          <text x={all.length * w} y={h + 12} text-anchor="end" class="ql-chart-label">
            {(all[all.length - 1] as Month).month}
          </text>
        )}
      </svg>
      <figcaption class="ql-visually-hidden">Statements per month</figcaption>
    </figure>
  );
}
