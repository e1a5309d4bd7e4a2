/** Small pieces the field-data pages share: status badges, the progress bar, the period picker. */
import { Badge, Group, NativeSelect, Progress, Text, Tooltip } from '@mantine/core';
import type { Progress as ProgressValue, ProgressStatus } from '../../../core/contracts/indicator-data.js';
import { useLocale, useT } from '../../i18n/i18n.js';
import { formatNumber } from '../../../core/i18n/format.js';

export const statusColors: Record<ProgressStatus, string> = {
  achieved: 'teal',
  on_track: 'green',
  at_risk: 'orange',
  off_track: 'red',
  no_data: 'gray',
  no_target: 'gray',
  not_measurable: 'gray',
};

export function StatusBadge({ progress }: { progress: ProgressValue }) {
  const t = useT();
  const reason = progress.reason ? t(`field.reasons.${progress.reason}` as 'field.reasons.tbd') : undefined;
  return (
    <Badge
      variant="light"
      color={statusColors[progress.status]}
      tt="none"
      title={reason}
      style={{ flexShrink: 0 }}
      miw="max-content"
    >
      {t(`field.status.${progress.status}`)}
    </Badge>
  );
}

/** Achievement as a bar: where the value is, and a tick where it should be by now. */
export function ProgressBar({ progress, label }: { progress: ProgressValue; label: string }) {
  const t = useT();
  const locale = useLocale();
  const pct = (x: number | null) => (x === null ? null : Math.max(0, Math.min(100, x * 100)));
  const achieved = pct(progress.achievement);
  const expectedShare =
    progress.expected !== null &&
    progress.target !== null &&
    progress.baseline !== null &&
    progress.target !== progress.baseline
      ? pct((progress.expected - progress.baseline) / (progress.target - progress.baseline))
      : null;
  const fmt = (x: number | null) => (x === null ? '—' : formatNumber(x, locale));
  const tip = `${t('field.dashboard.baseline')} ${fmt(progress.baseline)} · ${t('field.dashboard.expected')} ${fmt(progress.expected)} · ${t('field.dashboard.target')} ${fmt(progress.target)}`;
  if (achieved === null)
    return (
      <Text size="xs" c="dimmed">
        {tip}
      </Text>
    );
  return (
    <Tooltip label={tip} withArrow>
      <div
        style={{ position: 'relative' }}
        aria-label={`${label}: ${Math.round(achieved)} %. ${tip}`}
        role="img"
      >
        <Progress value={achieved} color={statusColors[progress.status]} size="lg" radius="sm" />
        {expectedShare !== null && (
          <div
            aria-hidden
            style={{
              position: 'absolute',
              top: -3,
              bottom: -3,
              width: 2,
              background: '#212529',
              left: `calc(${expectedShare}% - 1px)`,
            }}
          />
        )}
      </div>
    </Tooltip>
  );
}

export function Kpi({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div className="kpi">
      <Text size="xs" c="dimmed" tt="uppercase">
        {label}
      </Text>
      <div className="value">{value}</div>
      {note && (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      )}
    </div>
  );
}

/** The quarters that have activities, the current quarter, and the years. */
export function PeriodSelect({
  value,
  quarters,
  defaultLabel,
  onChange,
}: {
  value: string;
  quarters: { quarter: string; activities: number }[];
  defaultLabel: string;
  onChange: (period: string) => void;
}) {
  const t = useT();
  const years = [...new Set(quarters.map((q) => q.quarter.slice(0, 4)))].sort().reverse();
  const data = [
    { value: '', label: defaultLabel },
    ...[...quarters].reverse().map((q) => ({
      value: q.quarter,
      label: `${q.quarter} — ${t('field.period.activitiesIn', { count: q.activities })}`,
    })),
    ...years.map((y) => ({ value: y, label: y })),
  ];
  return (
    <Group gap="xs" align="end">
      <NativeSelect
        label={t('field.period.label')}
        data={data}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        w={300}
      />
    </Group>
  );
}
