/** The sections of the dashboards, each a chart (lazy) and the same figures in a table. */
import { Anchor, Badge, Grid, Group, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { Component, lazy, Suspense, type ReactNode } from 'react';
import { Link } from 'react-router';
import { ageGroups, sexes } from '../../../core/contracts/activity-vocabulary.js';
import type { MapFigures, ProgrammeDashboard } from '../../../core/contracts/dashboards.js';
import { localize } from '../../../core/i18n/locale.js';
import { useLocale, useT } from '../../i18n/i18n.js';
import { formatDate, formatNumber, intlLocale } from '../../../core/i18n/format.js';
import { organisationLabel } from '../../lib/organisation.js';
import { ExplainProgress, ProgressBar, StatusBadge } from './field-ui.js';

const SexAgeChart = lazy(() => import('./charts.js').then((m) => ({ default: m.SexAgeChart })));
const MonthlyChart = lazy(() => import('./charts.js').then((m) => ({ default: m.MonthlyChart })));
const CercleMap = lazy(() => import('../map/cercle-map.js'));

/** If a chunk cannot load (connection lost), say so and keep the table. */
export class ChartBoundary extends Component<
  { fallback: ReactNode; children: ReactNode },
  { failed: boolean }
> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

function Section({
  id,
  title,
  children,
  hint,
}: {
  id: string;
  title: string;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-title`} id={id}>
      <Title order={2} fz="h3" id={`${id}-title`} mb={hint ? 2 : 'sm'}>
        {title}
      </Title>
      {hint && (
        <Text size="sm" c="dimmed" mb="sm">
          {hint}
        </Text>
      )}
      {children}
    </section>
  );
}

type SexAge = ProgrammeDashboard['bySexAge'];

export function ParticipantsSection({ cells }: { cells: SexAge }) {
  const t = useT();
  const locale = useLocale();
  const count = (sex: string, age: string) =>
    cells.find((c) => c.sex === sex && c.ageGroup === age)?.count ?? 0;
  const total = cells.reduce((s, c) => s + c.count, 0);
  return (
    <Section id="participants" title={t('field.dashboard.bySexAge')}>
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <ChartBoundary fallback={<Text c="dimmed">{t('field.dashboard.chartError')}</Text>}>
            <Suspense fallback={<Skeleton h={260} />}>
              <SexAgeChart
                ages={ageGroups.map((a) => ({ key: a, label: t(`field.agesShort.${a}`) }))}
                sexes={sexes.map((s) => ({ key: s, label: t(`field.sexes.${s}`) }))}
                count={count}
                ariaLabel={t('field.dashboard.bySexAge')}
              />
            </Suspense>
          </ChartBoundary>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Table.ScrollContainer minWidth={420}>
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th />
                  {sexes.map((s) => (
                    <Table.Th key={s} className="num">
                      {t(`field.sexes.${s}`)}
                    </Table.Th>
                  ))}
                  <Table.Th className="num">{t('common.total')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {ageGroups.map((a) => (
                  <Table.Tr key={a}>
                    <Table.Th scope="row" fw={400}>
                      {t(`field.ages.${a}`)}
                    </Table.Th>
                    {sexes.map((s) => (
                      <Table.Td key={s} className="num">
                        {formatNumber(count(s, a), locale)}
                      </Table.Td>
                    ))}
                    <Table.Td className="num">
                      {formatNumber(
                        sexes.reduce((n, s) => n + count(s, a), 0),
                        locale,
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
                <Table.Tr fw={700}>
                  <Table.Th scope="row">{t('common.total')}</Table.Th>
                  {sexes.map((s) => (
                    <Table.Td key={s} className="num">
                      {formatNumber(
                        ageGroups.reduce((n, a) => n + count(s, a), 0),
                        locale,
                      )}
                    </Table.Td>
                  ))}
                  <Table.Td className="num">{formatNumber(total, locale)}</Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Grid.Col>
      </Grid>
    </Section>
  );
}

export function OverTimeSection({ months }: { months: ProgrammeDashboard['overTime'] }) {
  const t = useT();
  const locale = useLocale();
  const monthLabel = (m: string) =>
    new Intl.DateTimeFormat(intlLocale(locale), { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(
      new Date(`${m}-01T00:00:00Z`),
    );
  const shown = months.filter(
    (m, i) => i >= months.findIndex((x) => x.activities > 0) - 2 || m.activities > 0,
  );
  const rows = shown.length ? shown : months.slice(-6);
  return (
    <Section id="over-time" title={t('field.dashboard.overTime')}>
      <ChartBoundary fallback={<Text c="dimmed">{t('field.dashboard.chartError')}</Text>}>
        <Suspense fallback={<Skeleton h={260} />}>
          <MonthlyChart
            months={rows.map((m) => ({ ...m, label: monthLabel(m.month) }))}
            labels={{
              activities: t('field.dashboard.activities'),
              women: t('field.dashboard.women'),
              others: t('field.sexes.male') + ' / ' + t('field.sexShort.unknown'),
            }}
            ariaLabel={t('field.dashboard.overTime')}
          />
        </Suspense>
      </ChartBoundary>
    </Section>
  );
}

export function CategorySection({ rows }: { rows: ProgrammeDashboard['byCategory'] }) {
  const t = useT();
  const locale = useLocale();
  if (!rows.length) return null;
  return (
    <Section id="categories" title={t('field.dashboard.byCategory')}>
      <Table.ScrollContainer minWidth={520}>
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('field.activity.category')}</Table.Th>
              {sexes.map((s) => (
                <Table.Th key={s} className="num">
                  {t(`field.sexes.${s}`)}
                </Table.Th>
              ))}
              <Table.Th className="num">{t('common.total')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.category}>
                <Table.Td>{t(`field.categories.${r.category}`)}</Table.Td>
                <Table.Td className="num">{formatNumber(r.female, locale)}</Table.Td>
                <Table.Td className="num">{formatNumber(r.male, locale)}</Table.Td>
                <Table.Td className="num">{formatNumber(r.unknown, locale)}</Table.Td>
                <Table.Td className="num">{formatNumber(r.total, locale)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Section>
  );
}

export function IndicatorsSection({
  rows,
  period,
}: {
  rows: ProgrammeDashboard['indicators'];
  period: { from: string; to: string };
}) {
  const t = useT();
  const locale = useLocale();
  const outcomes = [...new Set(rows.map((r) => r.outcomeCode))];
  const sourceLabel = (s: string | null) =>
    s ? t(`field.dashboard.${s}` as 'field.dashboard.computed') : t('field.dashboard.noValue');
  return (
    <Section
      id="indicators"
      title={t('field.dashboard.indicators')}
      hint={t('field.dashboard.indicatorsHint')}
    >
      <Stack gap="lg">
        {outcomes.map((outcome) => (
          <Table.ScrollContainer minWidth={720} key={outcome}>
            <Table withTableBorder verticalSpacing={6}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w="42%">{t('framework.outcome', { code: outcome })}</Table.Th>
                  <Table.Th w="16%">{t('field.dashboard.actual')}</Table.Th>
                  <Table.Th w="12%" className="num">
                    {t('field.dashboard.target')}
                  </Table.Th>
                  <Table.Th w="18%">{t('field.indicator.progress')}</Table.Th>
                  <Table.Th w={140} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows
                  .filter((r) => r.outcomeCode === outcome)
                  .map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td>
                        <Text size="sm">
                          <b>{r.code}</b> {localize(r.title, locale)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Anchor
                          component={Link}
                          to={`/indicators/${r.id}?from=${period.from}&to=${period.to}`}
                          size="sm"
                          fw={600}
                        >
                          {r.actualText ?? '—'}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {sourceLabel(r.source)}
                        </Text>
                      </Table.Td>
                      <Table.Td className="num">
                        {r.progress.target === null ? '—' : formatNumber(r.progress.target, locale)}
                      </Table.Td>
                      <Table.Td>
                        <ProgressBar progress={r.progress} label={r.code} />
                        <ExplainProgress progress={r.progress} code={r.code} />
                      </Table.Td>
                      <Table.Td>
                        <StatusBadge progress={r.progress} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ))}
        <Text size="xs" c="dimmed">
          {t('field.dashboard.statusRule')}
        </Text>
      </Stack>
    </Section>
  );
}

export function CompletenessSection({
  rows,
  ended = false,
}: {
  rows: ProgrammeDashboard['completeness'];
  /** an ended programme's agencies are no longer expected to record: not flagged red */
  ended?: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <Section
      id="completeness"
      title={t('field.dashboard.completeness')}
      hint={t('field.dashboard.completenessHint')}
    >
      <Table withTableBorder maw={760}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('field.list.organisation')}</Table.Th>
            <Table.Th className="num">{t('field.dashboard.activities')}</Table.Th>
            <Table.Th className="num">{t('field.dashboard.participants')}</Table.Th>
            <Table.Th>{t('field.dashboard.lastActivity')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.organisation.id}>
              <Table.Td>
                <Group gap="xs">
                  {organisationLabel(r.organisation, locale)}
                  {r.activities === 0 && (
                    <Badge color={ended ? 'gray' : 'red'} variant="light" tt="none">
                      {t('field.dashboard.nothingRecorded')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td className="num">{formatNumber(r.activities, locale)}</Table.Td>
              <Table.Td className="num">{formatNumber(r.participants, locale)}</Table.Td>
              <Table.Td>{r.lastActivityDate ? formatDate(r.lastActivityDate, locale) : '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Section>
  );
}

/** What the colours and the dots of the map mean. */
export function MapLegend() {
  const t = useT();
  const swatch = (background: string) => (
    <span
      aria-hidden
      style={{
        display: 'inline-block',
        width: 28,
        height: 12,
        borderRadius: 2,
        background,
        border: '1px solid #adb5bd',
        flexShrink: 0,
      }}
    />
  );
  return (
    <Stack gap={4} mt="xs" role="group" aria-label={t('field.map.legendTitle')}>
      <Text size="xs" fw={700}>
        {t('field.map.legendTitle')}
      </Text>
      <Group gap="xs" wrap="nowrap" align="center">
        {swatch('linear-gradient(to right, rgb(208,235,255), rgb(24,100,171))')}
        <Text size="xs">{t('field.map.legendFill')}</Text>
      </Group>
      <Group gap="xs" wrap="nowrap" align="center">
        <span
          style={{ width: 28, display: 'inline-flex', justifyContent: 'center', flexShrink: 0 }}
          aria-hidden
        >
          <svg width="16" height="16" viewBox="0 0 16 16">
            <circle cx="8" cy="8" r="6" fill="#f08c00" stroke="#fff" strokeWidth="1.5" />
          </svg>
        </span>
        <Text size="xs">{t('field.map.legendDot')}</Text>
      </Group>
      <Group gap="xs" wrap="nowrap" align="center">
        {swatch('#e9ecef')}
        <Text size="xs">{t('field.map.legendNone')}</Text>
      </Group>
    </Stack>
  );
}

export function MapSection({ map, onSelect }: { map: MapFigures; onSelect?: (code: string) => void }) {
  const t = useT();
  const locale = useLocale();
  const format = (n: number) => formatNumber(n, locale);
  return (
    <Section id="map" title={t('field.map.title')} hint={t('field.map.legendSame')}>
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <ChartBoundary fallback={<Text c="dimmed">{t('field.dashboard.chartError')}</Text>}>
            {/* a status, so that its name is read out (an aria-label on a bare div is not allowed) */}
            <Suspense fallback={<Skeleton h={420} role="status" aria-label={t('field.map.loading')} />}>
              <CercleMap
                figures={map.areas}
                onSelect={onSelect}
                labels={{
                  participants: t('field.map.participants'),
                  activities: t('field.map.activities'),
                  women: t('field.map.women'),
                  ariaLabel: t('field.map.title'),
                  format,
                }}
              />
            </Suspense>
          </ChartBoundary>
          <MapLegend />
          <Text size="xs" c="dimmed" mt={4}>
            {t('field.map.attribution')}
          </Text>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Table.ScrollContainer minWidth={320} mah={460}>
            <Table striped withTableBorder stickyHeader>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('field.map.cercle')}</Table.Th>
                  <Table.Th className="num">{t('field.map.participants')}</Table.Th>
                  <Table.Th className="num">{t('field.map.women')}</Table.Th>
                  <Table.Th className="num">{t('field.map.activities')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {map.areas.map((a) => (
                  <Table.Tr key={a.area.code}>
                    <Table.Td>{a.area.name}</Table.Td>
                    <Table.Td className="num">{format(a.participants)}</Table.Td>
                    <Table.Td className="num">{format(a.female)}</Table.Td>
                    <Table.Td className="num">{format(a.activities)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {(map.unplaced.activities > 0 || map.unplaced.participants > 0) && (
            <Text size="xs" c="dimmed" mt="xs">
              {t('field.map.unplaced', {
                activities: format(map.unplaced.activities),
                participants: format(map.unplaced.participants),
              })}
            </Text>
          )}
        </Grid.Col>
      </Grid>
    </Section>
  );
}
