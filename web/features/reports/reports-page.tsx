import './styles.js';
import { Alert, Anchor, Button, Group, Modal, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { ProgrammeDetail } from '../../../core/contracts/programme-api.js';
import type { ReportSummary } from '../../../core/contracts/report.js';
import type { ReportType } from '../../../core/contracts/report-template.js';
import { localize } from '../../../core/i18n/locale.js';
import { useProgramme } from '../../api/programmes.js';
import { useCreateReport, useReports } from '../../api/reports.js';
import { ErrorState, Loading, useErrorMessage } from '../../components/query-state.js';
import { useLocale, useT } from '../../i18n/i18n.js';
import { formatPeriod } from '../../../core/i18n/format.js';
import { ClosedPeriods } from './closed-periods.js';
import { formatMoment } from './format.js';
import { StatusBadge } from './status-badge.js';
import { reportTypesFor } from '../../../core/reports/templates/registry.js';

const yearOf = (date: string | null | undefined) => (date ? Number(date.slice(0, 4)) : undefined);

/** The years a report can be written for: the programme's, else a few around today. */
function yearsOf(programme: ProgrammeDetail | undefined): number[] {
  const now = new Date().getFullYear();
  const first = yearOf(programme?.firstTransferDate ?? programme?.startDate) ?? now - 3;
  const last = yearOf(programme?.revisedEndDate ?? programme?.endDate) ?? now + 1;
  const years: number[] = [];
  for (let y = Math.min(first, last); y <= Math.max(first, last); y++) years.push(y);
  return years;
}

function NewReportModal({
  slug,
  opened,
  onClose,
  existing,
  programme,
}: {
  slug: string;
  opened: boolean;
  onClose: () => void;
  existing: ReportSummary[];
  programme: ProgrammeDetail | undefined;
}) {
  const t = useT();
  const navigate = useNavigate();
  const creating = useCreateReport(slug);
  const errorMessage = useErrorMessage();
  const years = yearsOf(programme);
  const [picked, setYear] = useState<number | null>(null);
  // until the writer picks one: this year if the programme runs in it, else its last year
  const thisYear = new Date().getFullYear();
  const year =
    picked !== null && years.includes(picked)
      ? picked
      : years.includes(thisYear)
        ? thisYear
        : (years.filter((y) => y < thisYear).at(-1) ?? years[0] ?? thisYear);
  const types = reportTypesFor(year);
  const [type, setType] = useState<ReportType>('annual');
  const chosenType = types.includes(type) ? type : types[0];
  const already = existing.find((r) => r.type === chosenType && r.year === year);

  const create = () => {
    if (!chosenType) return;
    creating.mutate(
      { type: chosenType, year },
      { onSuccess: (detail) => void navigate(`/reports/${detail.id}`) },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={700}>{t('reports.create.title')}</Text>}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          create();
        }}
      >
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('reports.create.hint')}
          </Text>
          <Group grow align="flex-start">
            <NativeSelect
              label={t('reports.create.year')}
              value={String(year)}
              onChange={(event) => setYear(Number(event.currentTarget.value))}
              data={years.map(String)}
              data-testid="new-report-year"
            />
            <NativeSelect
              label={t('reports.create.type')}
              value={chosenType ?? ''}
              onChange={(event) => setType(event.currentTarget.value as ReportType)}
              data={types.map((value) => ({ value, label: t(`reports.types.${value}`) }))}
              disabled={types.length === 0}
              data-testid="new-report-type"
              data-autofocus
            />
          </Group>
          {types.length === 0 && (
            <Text size="sm" c="red.8">
              {t('reports.create.noType')}
            </Text>
          )}
          {already && (
            <Alert color="blue" variant="light">
              <Group justify="space-between" gap="xs">
                <Text size="sm">{t('reports.create.exists')}</Text>
                <Anchor component={Link} to={`/reports/${already.id}`} size="sm">
                  {t('reports.create.openExisting')}
                </Anchor>
              </Group>
            </Alert>
          )}
          {creating.error !== null && !already && (
            <Alert color="red" variant="light" role="alert" title={t('reports.create.failed')}>
              {errorMessage(creating.error)}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('reports.create.cancel')}
            </Button>
            <Button type="submit" loading={creating.isPending} disabled={!chosenType || Boolean(already)}>
              {t('reports.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** `/programmes/:slug/reports`: the programme's reports, latest first, and "Nouveau rapport". */
export function ReportsPage() {
  const t = useT();
  const locale = useLocale();
  const { slug = '' } = useParams();
  const programme = useProgramme(slug);
  const reports = useReports(slug);
  const [creating, setCreating] = useState(false);
  const code = programme.data?.code ?? reports.data?.items[0]?.programme.code ?? slug;
  useDocumentTitle(`${t('reports.list.title')} — ${code} — ${t('app.name')}`);

  const back = (
    <Anchor component={Link} to={`/programmes/${encodeURIComponent(slug)}`} size="sm">
      ← {t('reports.list.backToProgramme', { code })}
    </Anchor>
  );

  if (reports.isPending) return <Loading />;
  if (reports.isError) {
    return (
      <Stack gap="md">
        {back}
        <ErrorState error={reports.error} onRetry={() => void reports.refetch()} />
      </Stack>
    );
  }
  const items = reports.data.items;

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        {back}
        <Group justify="space-between" align="flex-end" gap="md">
          <div>
            <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
              {t('reports.list.title')}
            </Title>
            {programme.data && <Text c="dimmed">{localize(programme.data.title, locale)}</Text>}
          </div>
          <Group gap="xs">
            <Button
              component={Link}
              to={`/programmes/${encodeURIComponent(slug)}/calendar`}
              variant="default"
              data-testid="calendar-link"
            >
              {t('work.calendar.link')}
            </Button>
            {programme.data?.can.createReports && (
              <Button onClick={() => setCreating(true)} data-testid="new-report">
                {t('reports.create.button')}
              </Button>
            )}
          </Group>
        </Group>
        {programme.data && !programme.data.can.readDrafts && (
          <Text size="sm" c="dimmed" data-testid="drafts-hidden">
            {t('reports.list.draftsHidden')}
          </Text>
        )}
      </Stack>

      {items.length === 0 ? (
        <Text c="dimmed">
          {programme.data?.can.createReports ? t('reports.list.empty') : t('reports.list.emptyReader')}
        </Text>
      ) : (
        <Table className="stack-table reports-table" verticalSpacing="sm" data-testid="reports-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reports.list.type')}</Table.Th>
              <Table.Th>{t('reports.list.year')}</Table.Th>
              <Table.Th>{t('reports.list.period')}</Table.Th>
              <Table.Th>{t('reports.list.status')}</Table.Th>
              <Table.Th>{t('reports.list.updated')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((r) => (
              <Table.Tr key={r.id} data-testid={`report-${r.type}-${r.year}`}>
                <Table.Td data-label={t('reports.list.type')}>
                  <Anchor
                    component={Link}
                    to={`/reports/${r.id}`}
                    fw={600}
                    aria-label={t(`reports.name.${r.type}`, { year: r.year })}
                  >
                    {t(`reports.types.${r.type}`)}
                  </Anchor>
                </Table.Td>
                <Table.Td data-label={t('reports.list.year')} className="num">
                  {r.year}
                </Table.Td>
                <Table.Td data-label={t('reports.list.period')}>
                  {formatPeriod(r.periodStart, r.periodEnd, locale)}
                </Table.Td>
                <Table.Td data-label={t('reports.list.status')}>
                  <StatusBadge status={r.status} />
                </Table.Td>
                <Table.Td data-label={t('reports.list.updated')}>
                  {formatMoment(r.updatedAt, locale)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <ClosedPeriods slug={slug} />
      {creating && (
        <NewReportModal
          slug={slug}
          opened={creating}
          onClose={() => setCreating(false)}
          existing={items}
          programme={programme.data}
        />
      )}
    </Stack>
  );
}
