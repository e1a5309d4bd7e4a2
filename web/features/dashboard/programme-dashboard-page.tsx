import './styles.js';
import { Anchor, Button, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { localize } from '../../../core/i18n/locale.js';
import { programmeDashboardQuery } from '../../api/field.js';
import { ErrorState, Loading } from '../../components/query-state.js';
import { useLocale, useT } from '../../i18n/i18n.js';
import { formatNumber } from '../../../core/i18n/format.js';
import {
  CategorySection,
  CompletenessSection,
  IndicatorsSection,
  MapSection,
  OverTimeSection,
  ParticipantsSection,
} from './dashboard-sections.js';
import { Kpi, PeriodSelect, periodStatement } from './field-ui.js';

/** `/programmes/:slug/dashboard[?period=2023-Q4]`: the programme's live dashboard. */
export function ProgrammeDashboardPage() {
  const t = useT();
  const locale = useLocale();
  const navigate = useNavigate();
  const { slug = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const period = search.get('period') ?? '';
  const query = useQuery({ ...programmeDashboardQuery(slug, period), placeholderData: keepPreviousData });
  useDocumentTitle(
    `${t('field.dashboard.title', { code: query.data?.programme.code ?? '' })} — ${t('app.name')}`,
  );
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const d = query.data;
  const fmt = (n: number) => formatNumber(n, locale);
  const p = d.participants;
  const activitiesIn = (extra: string) =>
    `/programmes/${slug}/activities?from=${d.period.from}&to=${d.period.to}${extra}`;
  return (
    <Stack gap="xl">
      <Stack gap={4}>
        <Anchor component={Link} to={`/programmes/${slug}`} size="sm">
          ← {d.programme.code}
        </Anchor>
        <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
          {t('field.dashboard.title', { code: d.programme.code })}
        </Title>
        <Text c="dimmed" size="sm">
          {localize(d.programme.title, locale)}
        </Text>
        <Group justify="space-between" align="end" mt="sm">
          <PeriodSelect
            value={period}
            period={d.period}
            quarters={d.quarters}
            onChange={(value) =>
              setSearch(value ? { period: value } : {}, { replace: true, preventScrollReset: true })
            }
          />
          <Group gap="xs">
            <Button component={Link} to={activitiesIn('')} variant="light" size="xs">
              {t('field.links.activities')}
            </Button>
            <Button component={Link} to={`/programmes/${slug}/import`} variant="subtle" size="xs">
              {t('field.links.import')}
            </Button>
            <Button
              component={Link}
              to={`/programmes/${slug}/quarterly${/^\d{4}-Q[1-4]$/.test(d.period.label) ? `?quarter=${d.period.label}` : ''}`}
              variant="subtle"
              size="xs"
            >
              {t('field.quarterly.link')}
            </Button>
          </Group>
        </Group>
        <Text size="sm" fw={600} data-testid="period-statement">
          {periodStatement(t, locale, d.period, d.programme.endDate)}
        </Text>
        {d.programme.ended && (
          <Text size="sm" c="dimmed">
            {t('field.dashboard.endedHint')}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {t('field.dashboard.live')}
        </Text>
      </Stack>
      <div className="kpis">
        <Kpi label={t('field.dashboard.activities')} value={fmt(d.activities)} />
        <Kpi
          label={t('field.dashboard.participants')}
          value={fmt(p.total)}
          {...(d.attendances
            ? { note: t('field.dashboard.attendances', { count: fmt(d.attendances) }) }
            : {})}
        />
        <Kpi label={t('field.dashboard.women')} value={fmt(p.bySex.female)} />
        <Kpi label={t('field.dashboard.youth')} value={fmt(p.byAge.age_18_35)} />
        <Kpi label={t('field.dashboard.unknownSex')} value={fmt(p.bySex.unknown)} />
        <Kpi label={t('field.dashboard.places')} value={fmt(d.places)} />
      </div>
      <IndicatorsSection rows={d.indicators} period={d.period} />
      <Divider />
      <ParticipantsSection cells={d.bySexAge} />
      <CategorySection rows={d.byCategory} />
      <Divider />
      <OverTimeSection months={d.overTime} />
      <Divider />
      <CompletenessSection rows={d.completeness} ended={d.programme.ended} />
      <Divider />
      <MapSection
        map={d.map}
        onSelect={(code) => void navigate(activitiesIn(`&area=${encodeURIComponent(code)}`))}
      />
    </Stack>
  );
}
