/**
 * Mali's cercles as an SVG map (shapes projected and simplified at build time from geoBoundaries, CC BY 4.0),
 * coloured by participants and marked by activities. Its own lazy chunk: the shapes (~150 kB, ~45 kB
 * compressed) load only when a map is shown. The same figures are in the table beside it.
 */
import { Group, Paper, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { AreaFigure } from '../../../core/contracts/dashboards.js';
import shapes from './mali-map-paths.json' with { type: 'json' };

interface Shapes {
  width: number;
  height: number;
  regions: { code: string; d: string }[];
  cercles: { code: string; name: string; d: string; x: number; y: number }[];
}
const map = shapes as Shapes;

export interface CercleMapLabels {
  participants: string;
  activities: string;
  women: string;
  ariaLabel: string;
  format: (n: number) => string;
}

/** Light to dark blue by the share of the largest figure (square root: small numbers stay visible). */
function fill(value: number, max: number): string {
  if (!value || !max) return '#e9ecef';
  const t = Math.sqrt(value / max);
  const from = [208, 235, 255];
  const to = [24, 100, 171];
  const c = from.map((f, i) => Math.round(f + (to[i]! - f) * t));
  return `rgb(${c.join(',')})`;
}

export function CercleMap({
  figures,
  labels,
  onSelect,
}: {
  figures: AreaFigure[];
  labels: CercleMapLabels;
  onSelect?: (code: string) => void;
}) {
  const byCode = useMemo(() => new Map(figures.map((f) => [f.area.code, f])), [figures]);
  const maxParticipants = Math.max(0, ...figures.map((f) => f.participants));
  const maxActivities = Math.max(0, ...figures.map((f) => f.activities));
  const [hover, setHover] = useState<string | null>(null);
  const shown = hover ? map.cercles.find((c) => c.code === hover) : undefined;
  const figure = hover ? byCode.get(hover) : undefined;
  return (
    <div style={{ position: 'relative' }}>
      <svg
        className="map-svg"
        viewBox={`0 0 ${map.width} ${map.height}`}
        role="img"
        aria-label={labels.ariaLabel}
        style={{ width: '100%', maxHeight: 560, display: 'block' }}
      >
        {map.cercles.map((c) => {
          const f = byCode.get(c.code);
          return (
            <path
              key={c.code}
              className="cercle"
              d={c.d}
              fill={fill(f?.participants ?? (f?.activities ? 1 : 0), maxParticipants || 1)}
              tabIndex={f ? 0 : -1}
              onMouseEnter={() => setHover(c.code)}
              onMouseLeave={() => setHover(null)}
              onFocus={() => setHover(c.code)}
              onBlur={() => setHover(null)}
              onClick={() => onSelect?.(c.code)}
            >
              <title>
                {f
                  ? `${c.name} — ${labels.participants} ${labels.format(f.participants)} (${labels.women} ${labels.format(f.female)}), ${labels.activities} ${labels.format(f.activities)}`
                  : c.name}
              </title>
            </path>
          );
        })}
        {map.regions.map((r) => (
          <path key={r.code} className="region" d={r.d} />
        ))}
        {map.cercles.map((c) => {
          const f = byCode.get(c.code);
          if (!f?.activities) return null;
          const r = 4 + 14 * Math.sqrt(f.activities / (maxActivities || 1));
          return (
            <circle
              key={`dot-${c.code}`}
              cx={c.x}
              cy={c.y}
              r={r}
              fill="#f08c00"
              fillOpacity={0.85}
              stroke="#fff"
              strokeWidth={1.5}
              pointerEvents="none"
            />
          );
        })}
      </svg>
      {shown && (
        <Paper
          shadow="sm"
          p="xs"
          withBorder
          style={{ position: 'absolute', top: 8, left: 8, pointerEvents: 'none' }}
        >
          <Text fw={700} size="sm">
            {shown.name}
          </Text>
          {figure ? (
            <Group gap="md">
              <Text size="xs">
                {labels.participants}: {labels.format(figure.participants)} ({labels.women}{' '}
                {labels.format(figure.female)})
              </Text>
              <Text size="xs">
                {labels.activities}: {labels.format(figure.activities)}
              </Text>
            </Group>
          ) : null}
        </Paper>
      )}
    </div>
  );
}

export default CercleMap;
