import '../dashboard/styles.js';
import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue, useDocumentTitle } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { activityKinds } from '../../../core/contracts/activity-vocabulary.js';
import { localize } from '../../../core/i18n/locale.js';
import { activitiesQuery } from '../../api/field.js';
import { useProgramme } from '../../api/programmes.js';
import { ErrorState, Loading } from '../../components/query-state.js';
import { useLocale, useT } from '../../i18n/i18n.js';
import { formatDate, formatNumber } from '../../../core/i18n/format.js';
import { organisationLabel } from '../../lib/organisation.js';
import { DateField } from '../../components/date-field.js';

const PAGE = 50;

/** `/programmes/:slug/activities?from&to&organisation&kind&area&indicator&ids&q`: the field activities. */
export function ActivitiesPage() {
  const t = useT();
  const locale = useLocale();
  const { slug = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const [limit, setLimit] = useState(PAGE);
  const [text, setText] = useState(search.get('q') ?? '');
  const [q] = useDebouncedValue(text, 300);
  const programme = useProgramme(slug);
  const params = new URLSearchParams();
  for (const key of ['from', 'to', 'organisation', 'kind', 'area', 'indicator', 'ids']) {
    const v = search.get(key);
    if (v) params.set(key, v);
  }
  if (q.trim()) params.set('q', q.trim());
  params.set('limit', String(limit));
  const list = useQuery({ ...activitiesQuery(slug, params), placeholderData: keepPreviousData });
  const code = programme.data?.code ?? '';
  useDocumentTitle(`${t('field.list.title', { code })} — ${t('app.name')}`);

  const setFilter = (key: string, value: string) =>
    setSearch(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const exportParams = new URLSearchParams(params);
  exportParams.delete('limit');

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Anchor component={Link} to={`/programmes/${slug}`} size="sm">
          ← {code}
        </Anchor>
        <Group justify="space-between" align="end">
          <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
            {t('field.list.title', { code })}
          </Title>
          <Group gap="xs">
            {programme.data?.can.recordData && (
              <>
                <Button component={Link} to={`/programmes/${slug}/activities/new`}>
                  {t('field.list.new')}
                </Button>
                <Button component={Link} to={`/programmes/${slug}/import`} variant="light">
                  {t('field.list.import')}
                </Button>
              </>
            )}
            <Button
              component="a"
              href={`/api/v1/programmes/${slug}/activities.xlsx?${exportParams}&lang=${locale}`}
              variant="subtle"
            >
              {t('field.list.export')}
            </Button>
          </Group>
        </Group>
      </Stack>
      {search.get('ids') && (
        <Alert variant="light">
          {t('field.list.onlyIds')} —{' '}
          <Anchor component="button" onClick={() => setFilter('ids', '')}>
            {t('field.list.clearIds')}
          </Anchor>
        </Alert>
      )}
      <Group gap="sm" align="end" wrap="wrap" aria-label={t('field.list.filters')}>
        <DateField
          label={t('field.indicator.periodStart')}
          value={search.get('from') ?? ''}
          onChange={(iso) => setFilter('from', iso)}
        />
        <DateField
          label={t('field.indicator.periodEnd')}
          value={search.get('to') ?? ''}
          onChange={(iso) => setFilter('to', iso)}
        />
        <NativeSelect
          label={t('field.list.organisation')}
          value={search.get('organisation') ?? ''}
          data={[
            { value: '', label: t('field.list.any') },
            ...(programme.data?.recipients ?? []).map((r) => ({
              value: r.organisation.code,
              label: organisationLabel(r.organisation, locale),
            })),
          ]}
          onChange={(e) => setFilter('organisation', e.currentTarget.value)}
        />
        <NativeSelect
          label={t('field.list.kind')}
          value={search.get('kind') ?? ''}
          data={[
            { value: '', label: t('field.list.any') },
            ...activityKinds.map((k) => ({ value: k, label: t(`field.kinds.${k}`) })),
          ]}
          onChange={(e) => setFilter('kind', e.currentTarget.value)}
        />
        <TextInput
          label={t('field.list.indicator')}
          w={110}
          value={search.get('indicator') ?? ''}
          onChange={(e) => setFilter('indicator', e.currentTarget.value.trim())}
        />
        <TextInput
          label={t('field.list.search')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        {search.get('area') && (
          <Badge
            size="lg"
            variant="light"
            tt="none"
            rightSection={
              <button
                type="button"
                aria-label="×"
                onClick={() => setFilter('area', '')}
                style={{ border: 0, background: 'none', cursor: 'pointer' }}
              >
                ×
              </button>
            }
          >
            {t('field.list.place')}: {search.get('area')}
          </Badge>
        )}
      </Group>
      {list.isPending && <Loading />}
      {list.isError && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && (
        <>
          <Text size="sm" c="dimmed">
            {t('field.list.count', { count: list.data.total })} —{' '}
            {t('field.list.totals', {
              total: formatNumber(list.data.totals.total, locale),
              female: formatNumber(list.data.totals.bySex.female, locale),
              unknown: formatNumber(list.data.totals.bySex.unknown, locale),
            })}
          </Text>
          {list.data.items.length === 0 ? (
            <Text c="dimmed">{t('field.list.empty')}</Text>
          ) : (
            <>
              {/* on a phone: one card per activity, nothing to scroll sideways */}
              <Stack gap="xs" hiddenFrom="sm" data-testid="activity-cards">
                {list.data.items.map((a) => (
                  <Paper key={a.id} withBorder p="sm">
                    <Anchor component={Link} to={`/activities/${a.id}`} fw={600} size="sm" display="block">
                      {localize(a.title, locale)}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {formatDate(a.startDate, locale)} · {t(`field.kinds.${a.kind}`)} ·{' '}
                      {organisationLabel(a.organisation, locale)}
                    </Text>
                    {a.places.length > 0 && (
                      <Text size="sm">{a.places.map((p) => p.area.name).join(', ')}</Text>
                    )}
                    <Text size="sm" fw={600}>
                      {t('field.list.participants')} : {formatNumber(a.totals.total, locale)} ·{' '}
                      {t('field.list.women')} : {formatNumber(a.totals.bySex.female, locale)}
                    </Text>
                  </Paper>
                ))}
              </Stack>
              <Box visibleFrom="sm">
                <Table.ScrollContainer minWidth={860}>
                  <Table striped withTableBorder verticalSpacing={6}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('field.list.date')}</Table.Th>
                        <Table.Th>{t('field.list.activity')}</Table.Th>
                        <Table.Th>{t('field.list.organisation')}</Table.Th>
                        <Table.Th>{t('field.list.places')}</Table.Th>
                        <Table.Th className="num">{t('field.list.participants')}</Table.Th>
                        <Table.Th className="num">{t('field.list.women')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {list.data.items.map((a) => (
                        <Table.Tr key={a.id}>
                          <Table.Td className="tabular">{formatDate(a.startDate, locale)}</Table.Td>
                          <Table.Td>
                            <Anchor component={Link} to={`/activities/${a.id}`} size="sm">
                              {localize(a.title, locale)}
                            </Anchor>
                            <Text size="xs" c="dimmed">
                              {t(`field.kinds.${a.kind}`)}
                              {a.indicators.length ? ` · ${a.indicators.join(', ')}` : ''}
                              {a.quantity
                                ? ` · ${formatNumber(a.quantity, locale)} ${a.quantityUnit ?? ''}`
                                : ''}
                              {a.countBasis === 'attendance'
                                ? ` · ${t('field.countBasis.attendanceShort')}`
                                : ''}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            {organisationLabel(a.organisation, locale)}
                            {a.partner && (
                              <Text size="xs" c="dimmed">
                                {a.partner}
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm">{a.places.map((p) => p.area.name).join(', ')}</Text>
                          </Table.Td>
                          <Table.Td className="num">{formatNumber(a.totals.total, locale)}</Table.Td>
                          <Table.Td className="num">{formatNumber(a.totals.bySex.female, locale)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Box>
            </>
          )}
          {list.data.total > list.data.items.length && (
            <Button variant="subtle" onClick={() => setLimit((l) => Math.min(500, l + PAGE))}>
              {t('field.list.more')}
            </Button>
          )}
        </>
      )}
    </Stack>
  );
}
