import './styles.js';
import { Anchor, Badge, Divider, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { localize } from '../../../core/i18n/locale.js';
import { progressStatuses } from '../../../core/contracts/activity-vocabulary.js';
import { portfolioDashboardQuery } from '../../api/field.js';
import { ErrorState, Loading } from '../../components/query-state.js';
import { useLocale, useT } from '../../i18n/i18n.js';
import { formatDate, formatNumber } from '../../../core/i18n/format.js';
import { organisationLabel } from '../../lib/organisation.js';
import { MapSection, OverTimeSection, ParticipantsSection } from './dashboard-sections.js';
import { Kpi, PeriodSelect, periodStatement, statusColors } from './field-ui.js';

/** `/dashboard[?period=…]`: every programme's activities, participants, indicator statuses and silent agencies. */
export function PortfolioDashboardPage() {
  const t = useT();
  const locale = useLocale();
  const [search, setSearch] = useSearchParams();
  const period = search.get('period') ?? '';
  const query = useQuery({ ...portfolioDashboardQuery(period), placeholderData: keepPreviousData });
  useDocumentTitle(`${t('field.dashboard.portfolioTitle')} — ${t('app.name')}`);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const d = query.data;
  const fmt = (n: number) => formatNumber(n, locale);
  return (
    <Stack gap="xl">
      <Stack gap={4}>
        <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
          {t('field.dashboard.portfolioTitle')}
        </Title>
        <Group justify="space-between" align="end" mt="sm">
          <PeriodSelect
            value={period}
            period={d.period}
            quarters={d.quarters}
            onChange={(value) => setSearch(value ? { period: value } : {}, { replace: true })}
          />
        </Group>
        <Text size="sm" fw={600} data-testid="period-statement">
          {periodStatement(t, locale, d.period)}
        </Text>
        <Text size="xs" c="dimmed">
          {t('field.dashboard.live')}
        </Text>
      </Stack>
      <div className="kpis">
        <Kpi label={t('field.dashboard.activities')} value={fmt(d.activities)} />
        <Kpi label={t('field.dashboard.participants')} value={fmt(d.participants.total)} />
        <Kpi label={t('field.dashboard.women')} value={fmt(d.participants.bySex.female)} />
        <Kpi label={t('field.dashboard.youth')} value={fmt(d.participants.byAge.age_18_35)} />
      </div>
      <section aria-labelledby="programmes-title">
        <Title order={2} fz="h3" id="programmes-title" mb="sm">
          {t('field.dashboard.programmes')}
        </Title>
        <Table.ScrollContainer minWidth={860}>
          <Table withTableBorder verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('field.dashboard.programmes')}</Table.Th>
                <Table.Th className="num">{t('field.dashboard.activities')}</Table.Th>
                <Table.Th className="num">{t('field.dashboard.participants')}</Table.Th>
                <Table.Th className="num">{t('field.dashboard.women')}</Table.Th>
                <Table.Th>{t('field.dashboard.indicators')}</Table.Th>
                <Table.Th>{t('field.dashboard.silent')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.programmes.map((p) => (
                <Table.Tr key={p.slug}>
                  <Table.Td>
                    <Anchor
                      component={Link}
                      to={`/programmes/${p.slug}/dashboard${period ? `?period=${period}` : ''}`}
                      fw={600}
                    >
                      {p.code}
                    </Anchor>
                    <Text size="xs" c="dimmed" lineClamp={2}>
                      {localize(p.title, locale)}
                    </Text>
                    {p.ended && (
                      <Text size="xs" c="dimmed" title={t('field.dashboard.endedHint')}>
                        {t('field.dashboard.ended', { date: formatDate(p.endDate, locale) })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td className="num">{fmt(p.activities)}</Table.Td>
                  <Table.Td className="num">{fmt(p.participants.total)}</Table.Td>
                  <Table.Td className="num">{fmt(p.participants.bySex.female)}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {progressStatuses
                        .filter((s) => p.statusCounts[s] > 0)
                        .map((s) => (
                          <Badge key={s} color={statusColors[s]} variant="light" tt="none">
                            {t(`field.status.${s}`)} {p.statusCounts[s]}
                          </Badge>
                        ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {p.silent.map((o) => (
                        <Badge key={o.id} color={p.ended ? 'gray' : 'red'} variant="outline" tt="none">
                          {organisationLabel(o, locale)}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </section>
      <Divider />
      <ParticipantsSection cells={d.bySexAge} />
      <Divider />
      <OverTimeSection months={d.overTime} />
      <Divider />
      <MapSection map={d.map} />
    </Stack>
  );
}
