/**
 * A bar chart of one figure over consecutive weeks, drawn as inline SVG (no chart library), and the
 * same numbers as a table. Readable without colour: every bar carries its value as text, the shown week
 * is hatched and its axis label bold, negative values hang below a labelled zero line, and the SVG's
 * text alternative lists every value.
 */
import { useId } from 'preact/hooks';
import { formatNumber, t } from '@/utils/i18n/t';

export interface TrendPoint {
  /** The week's first day, `YYYY-MM-DD`. */
  key: string;
  /** Short axis label: "23 Nov". */
  label: string;
  /** Long label for the table: "23 – 29 Nov 2026". */
  longLabel: string;
  value: number;
  /** The week the page shows. */
  current: boolean;
}

export interface TrendChartProps {
  title: string;
  /** The table's value column heading. */
  valueHeader: string;
  points: readonly TrendPoint[];
  /** Full value text, for the table and the text alternative. */
  format: (value: number) => string;
  /** Short value text that fits above a bar. */
  short?: (value: number) => string;
  testId?: string;
}

const WIDTH = 640;
const HEIGHT = 210;
const TOP = 24;
const BOTTOM = 34;
const SIDE = 6;

export function TrendChart({ title, valueHeader, points, format, short = format, testId }: TrendChartProps) {
  const id = useId();
  const values = points.map((p) => p.value);
  const max = Math.max(0, ...values);
  const min = Math.min(0, ...values);
  const span = max - min || 1;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const y = (value: number) => TOP + ((max - value) / span) * plotHeight;
  const zeroY = y(0);
  const slot = (WIDTH - 2 * SIDE) / Math.max(points.length, 1);
  const barWidth = slot * 0.62;
  const valueList = points.map((p) => t('trendDescriptionValue', [p.longLabel, format(p.value)])).join(t('trendDescriptionSeparator'));
  const description = t('trendDescription', [title, valueList]);

  return (
    <figure class="trend" data-testid={testId}>
      <figcaption class="trend-title" id={`${id}-title`}>
        {title}
      </figcaption>
      <svg class="trend-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={description} preserveAspectRatio="xMidYMid meet">
        <defs>
          {/* The shown week: diagonal hatching, so it stands out without relying on colour. */}
          <pattern id={`${id}-hatch`} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect class="hatch-ground" width="8" height="8" />
            <line class="hatch-line" x1="0" y1="0" x2="0" y2="8" stroke-width="4" />
          </pattern>
        </defs>
        <line class="trend-axis" x1={SIDE} x2={WIDTH - SIDE} y1={zeroY} y2={zeroY} />
        <text class="trend-axis-label" x={WIDTH - SIDE} y={zeroY - 4} text-anchor="end">
          {formatNumber(0)}
        </text>
        {points.map((point, index) => {
          const x = SIDE + index * slot + (slot - barWidth) / 2;
          const top = Math.min(y(point.value), zeroY);
          const height = Math.abs(y(point.value) - zeroY);
          const labelY = point.value >= 0 ? top - 5 : top + height + 13;
          return (
            <g key={point.key} class={point.current ? 'trend-bar current' : 'trend-bar'}>
              <rect
                x={x}
                y={top}
                width={barWidth}
                // A zero week still shows a sliver on the axis, so "nothing" reads as a value, not a gap.
                height={Math.max(height, 1)}
                fill={point.current ? `url(#${id}-hatch)` : undefined}
              />
              <text class="trend-value" x={x + barWidth / 2} y={labelY} text-anchor="middle">
                {short(point.value)}
              </text>
              <text class="trend-week" x={x + barWidth / 2} y={HEIGHT - BOTTOM + 18} text-anchor="middle">
                {point.label}
              </text>
            </g>
          );
        })}
      </svg>
      <details class="trend-table">
        <summary aria-label={t('trendShowTableFor', title)}>{t('trendShowTable')}</summary>
        <table>
          <caption class="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('trendWeekColumn')}</th>
              <th scope="col">{valueHeader}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((point) => (
              <tr key={point.key} aria-current={point.current ? 'date' : undefined}>
                <th scope="row">{point.current ? t('trendShownWeek', point.longLabel) : point.longLabel}</th>
                <td>{format(point.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
