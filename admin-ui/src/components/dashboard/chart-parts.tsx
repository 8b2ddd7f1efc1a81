import type { CSSProperties, ReactElement } from 'react';
import { ResponsiveContainer, Text, type YAxisTickContentProps } from 'recharts';

/** How wide the names beside horizontal bars may be: a phone keeps most of its width for the bars. */
export const categoryWidth = 128;

/** Horizontal bars get this much height each, so long lists grow downwards instead of squeezing. */
export function heightFor(rows: number, perRow = 36): number {
  return Math.max(140, rows * perRow + 64);
}

/** The tooltip in the page's colours, light or dark. */
export const tooltipStyle: CSSProperties = {
  background: 'var(--surface)',
  border: '1px solid var(--line)',
  borderRadius: 'var(--radius)',
  color: 'var(--text)',
};

/**
 * The drawing, sized to its card. It is hidden from screen readers, who read the figures in the
 * table or list beside it instead; charts are drawn without their keyboard layer for that reason.
 */
export function ChartFrame({ height, children }: { height: number; children: ReactElement }) {
  return (
    <div className="chart" aria-hidden="true" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        {children}
      </ResponsiveContainer>
    </div>
  );
}

/**
 * The name beside a horizontal bar, wrapped onto up to three lines rather than cut off; `nameOf`
 * turns the axis value (an id) into the words shown.
 */
export function categoryTick(nameOf: (value: string) => string, className?: string) {
  return function CategoryTick({ x, y, payload }: YAxisTickContentProps) {
    return (
      <Text
        x={Number(x)}
        y={Number(y)}
        width={categoryWidth - 8}
        maxLines={3}
        textAnchor="end"
        verticalAnchor="middle"
        className={className ? `chart-tick ${className}` : 'chart-tick'}
      >
        {nameOf(String(payload.value))}
      </Text>
    );
  };
}

/**
 * Recharts lists tooltip entries by name; every entry ranking the same keeps the series' own order
 * (statuses as an application goes through them, the median before the 90th percentile).
 */
export const inSeriesOrder = () => 0;
