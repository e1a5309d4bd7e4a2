/** Small pieces the field-data pages share: status badges, the progress bar, the period picker. */
import {
  Badge,
  List,
  NativeSelect,
  Popover,
  Progress,
  Stack,
  Text,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import type { DashboardPeriod } from '../../../core/contracts/dashboards.js';
import type { Locale } from '../../../core/i18n/locale.js';
import type { Progress as ProgressValue, ProgressStatus } from '../../../core/contracts/indicator-data.js';
import { useLocale, useT } from '../../i18n/i18n.js';
import { formatDate, formatNumber, formatPeriod } from '../../../core/i18n/format.js';

export const statusColors: Record<ProgressStatus, string> = {
  achieved: 'teal',
  on_track: 'green',
  at_risk: 'orange',
  off_track: 'red',
  not_achieved: 'grape',
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
  // nothing to draw: the numbers are in the button that explains them (ExplainProgress)
  if (achieved === null) return null;
  return (
    <Tooltip label={tip} withArrow>
      <div
        style={{ position: 'relative' }}
        aria-label={`${label}: ${Math.round(achieved)} %. ${tip}`}
        role="img"
      >
        {/* the figure is told by the labelled image around it: the bar itself is drawing only */}
        <Progress aria-hidden value={achieved} color={statusColors[progress.status]} size="lg" radius="sm" />
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

/** The period a dashboard shows, as a sentence: "Période : 1 janv. – 31 déc. 2023 (année en cours)". */
export function periodStatement(
  t: ReturnType<typeof useT>,
  locale: Locale,
  period: DashboardPeriod,
  programmeEnd?: string,
): string {
  const basis =
    period.basis === 'programme_to_date'
      ? t('field.period.basis_programme_to_date', {
          end: programmeEnd ? formatDate(programmeEnd, locale) : formatDate(period.to, locale),
        })
      : t(`field.period.basis_${period.basis}` as 'field.period.basis_chosen');
  return t('field.period.statement', { range: formatPeriod(period.from, period.to, locale), basis });
}

/**
 * The period picker: by default (said with its reason), to date, the years and the quarters that have
 * activities. Its width follows its longest choice (never cut), and the page states the period beside it.
 */
export function PeriodSelect({
  value,
  period,
  quarters,
  onChange,
}: {
  value: string;
  period: DashboardPeriod;
  quarters: { quarter: string; activities: number }[];
  onChange: (period: string) => void;
}) {
  const t = useT();
  const years = [
    ...new Set([
      ...quarters.map((q) => q.quarter.slice(0, 4)),
      period.from.slice(0, 4),
      period.to.slice(0, 4),
    ]),
  ]
    .sort()
    .reverse();
  // short, so that the choice is never cut on a phone; the full sentence is stated beside it
  const defaultBasis =
    value !== ''
      ? null
      : period.basis === 'programme_to_date' || period.basis === 'portfolio_to_date'
        ? t(`field.period.short_${period.basis}`)
        : t(`field.period.basis_${period.basis}`);
  const data = [
    {
      value: '',
      label: defaultBasis
        ? t('field.period.byDefault', { basis: defaultBasis })
        : t('field.period.defaultOption'),
    },
    { value: 'all', label: t('field.period.toDate') },
    ...years.map((y) => ({ value: y, label: y })),
    ...[...quarters].reverse().map((q) => ({
      value: q.quarter,
      label: `${q.quarter} — ${t('field.period.activitiesIn', { count: q.activities })}`,
    })),
  ];
  return (
    <Stack gap={2} style={{ maxWidth: '100%' }}>
      <NativeSelect
        label={t('field.period.label')}
        description={t('field.period.ruleHint')}
        data={data}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        w={{ base: '100%', sm: 420 }}
      />
    </Stack>
  );
}

/** The sentences that explain each number of a progress line (core/domain/progress.ts, `basis`). */
export function explainProgress(t: ReturnType<typeof useT>, locale: Locale, p: ProgressValue): string[] {
  const b = p.basis;
  const num = (x: number | null) => (x === null ? '—' : formatNumber(Math.round(x * 100) / 100, locale));
  const date = (d: string | null) => (d ? formatDate(d, locale) : '—');
  const pct = (x: number | null) => (x === null ? '—' : `${formatNumber(Math.round(x * 100), locale)} %`);
  const lines: string[] = [];
  if (b.baseline.text) lines.push(t('field.basis.baseline', { text: b.baseline.text }));
  if (b.actual) {
    const provenance = b.actual.provenance
      ? t(`field.dashboard.${b.actual.provenance}` as 'field.dashboard.computed')
      : t('field.dashboard.noValue');
    lines.push(
      `${t('field.basis.actual', { text: b.actual.text, asOf: date(b.actual.asOf), provenance })} — ${
        b.actual.from
          ? t('field.basis.actualPeriod', { from: date(b.actual.from), asOf: date(b.actual.asOf) })
          : t('field.basis.actualSince')
      }`,
    );
  }
  if (b.target) {
    const key =
      b.target.kind === 'end'
        ? 'field.basis.targetEnd'
        : b.target.kind === 'annual'
          ? 'field.basis.targetAnnual'
          : 'field.basis.targetMilestone';
    lines.push(t(key, { text: b.target.text, date: date(b.target.date), year: b.target.year ?? '' }));
  }
  if (b.target?.kind !== 'end')
    lines.push(
      b.endTarget ? t('field.basis.endTarget', { text: b.endTarget.text }) : t('field.basis.noEndTarget'),
    );
  if (b.expected && p.expected !== null) {
    const sentence =
      b.mode === 'per_period'
        ? t('field.basis.expectedPerYear', {
            asOf: date(b.expected.asOf),
            value: num(p.expected),
            fromDate: date(b.expected.from.date),
          })
        : t('field.basis.expected', {
            asOf: date(b.expected.asOf),
            value: num(p.expected),
            fromValue: num(b.expected.from.value),
            fromDate: date(b.expected.from.date),
            toValue: num(b.expected.to.value),
            toDate: date(b.expected.to.date),
          });
    lines.push(b.expected.capped ? `${sentence} — ${t('field.basis.capped')}` : sentence);
  }
  if (p.achievement !== null)
    lines.push(
      t(b.mode === 'per_period' ? 'field.basis.achievementPerYear' : 'field.basis.achievement', {
        pct: pct(p.achievement),
      }),
    );
  if (p.pace !== null && !b.closed) lines.push(t('field.basis.pace', { pct: pct(p.pace) }));
  if (b.closed) lines.push(t('field.basis.closed'));
  return lines;
}

/** The expected value and the target of a line, as a button: a click explains every number (a popover). */
export function ExplainProgress({ progress, code }: { progress: ProgressValue; code: string }) {
  const t = useT();
  const locale = useLocale();
  const fmt = (x: number | null) => (x === null ? '—' : formatNumber(x, locale));
  const shown = `${t('field.dashboard.expected')} ${fmt(progress.expected)} · ${t('field.dashboard.target')} ${fmt(progress.target)}`;
  return (
    <Popover width={360} position="bottom-start" withArrow shadow="md">
      <Popover.Target>
        <UnstyledButton
          // the name begins with what the button shows (WCAG 2.5.3), then says what a click does
          aria-label={`${shown} (${code} — ${t('field.basis.explain')})`}
          style={{ fontSize: 'var(--mantine-font-size-xs)', textDecoration: 'underline dotted' }}
        >
          {shown}
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown>
        <Text fw={700} size="sm" mb={4}>
          {code} — {t('field.basis.title')}
        </Text>
        <List size="xs" spacing={4}>
          {explainProgress(t, locale, progress).map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List>
      </Popover.Dropdown>
    </Popover>
  );
}
