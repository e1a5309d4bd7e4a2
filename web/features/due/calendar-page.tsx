/**
 * `/programmes/:slug/calendar`: a programme's reporting calendar — the Fund's dates, the quarterly reports, the
 * donors' own — with the reminder days of each. The coordinator and the secretariat (the programme's
 * `can.editCalendar`) add, change and remove deadlines and save the whole list; the others read it.
 */
import '../audit/styles.js';
import {
  Alert,
  Anchor,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { ReportType } from '../../../core/contracts/report-template.js';
import type {
  ReportingCalendar,
  ReportingDeadlineInput,
} from '../../../core/contracts/reporting-calendar.js';
import { formatDate } from '../../../core/i18n/format.js';
import { ApiError } from '../../api/client.js';
import { useCalendar, useReplaceCalendar } from '../../api/due.js';
import { useProgramme } from '../../api/programmes.js';
import { ErrorState, Loading, useErrorMessage } from '../../components/query-state.js';
import { useLocale, useT } from '../../i18n/i18n.js';

const types = ['semi_annual', 'annual', 'final', 'quarterly'] as const satisfies readonly ReportType[];
const recipients = ['fund', 'donor', 'programme'] as const satisfies readonly NonNullable<
  ReportingDeadlineInput['recipient']
>[];

interface Row {
  key: number;
  type: ReportType;
  year: number;
  periodStart: string;
  dueDate: string;
  recipient: (typeof recipients)[number];
  donor: string;
  label: string;
  reminders: string;
}

let nextKey = 1;
const rowsOf = (calendar: ReportingCalendar): Row[] =>
  calendar.deadlines.map((d) => ({
    key: nextKey++,
    type: d.type,
    year: d.year,
    periodStart: d.periodStart ?? '',
    dueDate: d.dueDate,
    recipient: d.recipient,
    donor: d.donor ?? '',
    label: d.label ?? '',
    reminders: d.reminderDays.join(', '),
  }));

/** "-14, -3, 1, 7" → the days; null when a part is no whole number of days in range. */
export function readReminders(text: string): number[] | null {
  const parts = text
    .split(/[,;\s]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const days = parts.map((p) => Number(p.replace('−', '-')));
  return days.every((d) => Number.isInteger(d) && d >= -90 && d <= 90) && days.length <= 8 ? days : null;
}

export function CalendarPage() {
  const t = useT();
  const locale = useLocale();
  const errorMessage = useErrorMessage();
  const { slug = '' } = useParams();
  const programme = useProgramme(slug);
  const calendar = useCalendar(slug);
  const save = useReplaceCalendar(slug);
  const [rows, setRows] = useState<Row[] | null>(null);
  const [saved, setSaved] = useState(false);
  useDocumentTitle(`${t('work.calendar.title', { code: programme.data?.code ?? '' })} — ${t('app.name')}`);
  useEffect(() => {
    if (calendar.data) setRows(rowsOf(calendar.data));
  }, [calendar.data]);
  if (calendar.isPending || programme.isPending) return <Loading />;
  if (calendar.isError) return <ErrorState error={calendar.error} onRetry={() => void calendar.refetch()} />;
  if (programme.isError)
    return <ErrorState error={programme.error} onRetry={() => void programme.refetch()} />;
  const editable = programme.data.can.editCalendar;
  const current = rows ?? rowsOf(calendar.data);
  const change = (key: number, patch: Partial<Row>) => {
    setSaved(false);
    setRows(current.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  };
  const badReminders = new Set(current.filter((r) => readReminders(r.reminders) === null).map((r) => r.key));
  const send = (list: Row[]) =>
    save.mutate(
      {
        deadlines: list.map((r) => ({
          type: r.type,
          year: r.year,
          periodStart: r.type === 'quarterly' && r.periodStart ? r.periodStart : null,
          dueDate: r.dueDate,
          recipient: r.recipient,
          donor: r.recipient === 'donor' && r.donor.trim() ? r.donor.trim() : null,
          label: r.label.trim() || null,
          reminderDays: readReminders(r.reminders) ?? [],
        })),
      },
      { onSuccess: () => setSaved(true) },
    );
  const issues = save.error instanceof ApiError ? save.error.issues : [];
  const rowIssue = (index: number) =>
    issues.find((i) => i.path === `body.deadlines.${index}` || i.path.startsWith(`body.deadlines.${index}.`));
  const year = new Date().getFullYear();
  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/programmes/${slug}/reports`} size="sm">
        ← {t('work.calendar.back')}
      </Anchor>
      <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
        {t('work.calendar.title', { code: programme.data.code })}
      </Title>
      <Text c="dimmed" size="sm" maw={820}>
        {t('work.calendar.intro')}
      </Text>
      {calendar.data.source === 'fund_default' && (
        <Alert color="blue" variant="light" data-testid="calendar-fund-default">
          {t('work.calendar.fundDefault')}
        </Alert>
      )}
      {!editable && (
        <Text size="sm" c="dimmed">
          {t('work.calendar.readOnly')}
        </Text>
      )}
      {current.length === 0 ? (
        <Text c="dimmed">{t('work.calendar.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={editable ? 1040 : 640}>
          <Table striped withTableBorder data-testid="calendar-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('work.calendar.type')}</Table.Th>
                <Table.Th>{t('work.calendar.year')}</Table.Th>
                <Table.Th>{t('work.calendar.dueDate')}</Table.Th>
                <Table.Th>{t('work.calendar.recipient')}</Table.Th>
                <Table.Th>{t('work.calendar.label')}</Table.Th>
                <Table.Th>{t('work.calendar.reminders')}</Table.Th>
                {editable && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {current.map((r, index) => {
                const n = index + 1;
                const issue = rowIssue(index);
                if (!editable)
                  return (
                    <Table.Tr key={r.key}>
                      <Table.Td>{t(`reports.name.${r.type}`, { year: r.year })}</Table.Td>
                      <Table.Td>{r.year}</Table.Td>
                      <Table.Td>{formatDate(r.dueDate, locale, 'long')}</Table.Td>
                      <Table.Td>
                        {t(`work.calendar.recipients.${r.recipient}`)}
                        {r.donor ? ` (${r.donor})` : ''}
                      </Table.Td>
                      <Table.Td>{r.label || '—'}</Table.Td>
                      <Table.Td>{r.reminders || '—'}</Table.Td>
                    </Table.Tr>
                  );
                return (
                  <Table.Tr key={r.key} data-testid={`deadline-${n}`}>
                    <Table.Td>
                      <NativeSelect
                        size="xs"
                        aria-label={`${t('work.calendar.type')} ${n}`}
                        value={r.type}
                        data={types.map((v) => ({
                          value: v,
                          label: t(`reports.name.${v}`, { year: '' }).trim(),
                        }))}
                        onChange={(e) => change(r.key, { type: e.currentTarget.value as ReportType })}
                      />
                      {r.type === 'quarterly' && (
                        <TextInput
                          size="xs"
                          mt={4}
                          type="date"
                          aria-label={`${t('work.calendar.periodStart')} ${n}`}
                          placeholder={t('work.calendar.periodStart')}
                          value={r.periodStart}
                          onChange={(e) => change(r.key, { periodStart: e.currentTarget.value })}
                        />
                      )}
                    </Table.Td>
                    <Table.Td>
                      <NumberInput
                        size="xs"
                        w={90}
                        aria-label={`${t('work.calendar.year')} ${n}`}
                        min={2000}
                        max={2100}
                        value={r.year}
                        onChange={(v) =>
                          change(r.key, { year: typeof v === 'number' ? v : Number(v) || year })
                        }
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        size="xs"
                        type="date"
                        required
                        aria-label={`${t('work.calendar.dueDate')} ${n}`}
                        value={r.dueDate}
                        onChange={(e) => change(r.key, { dueDate: e.currentTarget.value })}
                      />
                    </Table.Td>
                    <Table.Td>
                      <NativeSelect
                        size="xs"
                        aria-label={`${t('work.calendar.recipient')} ${n}`}
                        value={r.recipient}
                        data={recipients.map((v) => ({
                          value: v,
                          label: t(`work.calendar.recipients.${v}`),
                        }))}
                        onChange={(e) =>
                          change(r.key, { recipient: e.currentTarget.value as Row['recipient'] })
                        }
                      />
                      {r.recipient === 'donor' && (
                        <TextInput
                          size="xs"
                          mt={4}
                          aria-label={`${t('work.calendar.donor')} ${n}`}
                          placeholder={t('work.calendar.donor')}
                          value={r.donor}
                          onChange={(e) => change(r.key, { donor: e.currentTarget.value })}
                        />
                      )}
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        size="xs"
                        aria-label={`${t('work.calendar.label')} ${n}`}
                        value={r.label}
                        onChange={(e) => change(r.key, { label: e.currentTarget.value })}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        size="xs"
                        w={130}
                        aria-label={`${t('work.calendar.reminders')} ${n}`}
                        title={t('work.calendar.remindersHint')}
                        value={r.reminders}
                        error={badReminders.has(r.key) ? t('work.calendar.badReminders') : undefined}
                        onChange={(e) => change(r.key, { reminders: e.currentTarget.value })}
                      />
                      {issue && (
                        <Text size="xs" c="red" role="alert">
                          {issue.message}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        aria-label={t('work.calendar.removeRow', { row: n })}
                        onClick={() => {
                          setSaved(false);
                          setRows(current.filter((x) => x.key !== r.key));
                        }}
                      >
                        {t('work.calendar.remove')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editable && (
        <>
          <Text size="xs" c="dimmed">
            {t('work.calendar.remindersHint')}
          </Text>
          <Group gap="xs">
            <Button
              variant="light"
              onClick={() => {
                setSaved(false);
                setRows([
                  ...current,
                  {
                    key: nextKey++,
                    type: 'semi_annual',
                    year,
                    periodStart: '',
                    dueDate: `${year}-06-15`,
                    recipient: 'fund',
                    donor: '',
                    label: '',
                    reminders: '-14, -3, 1, 7',
                  },
                ]);
              }}
            >
              {t('work.calendar.add')}
            </Button>
            <Button
              loading={save.isPending}
              disabled={badReminders.size > 0 || current.some((r) => !r.dueDate)}
              onClick={() => send(current)}
            >
              {t('work.calendar.save')}
            </Button>
            {calendar.data.source === 'stored' && (
              <Button variant="subtle" color="gray" onClick={() => send([])} disabled={save.isPending}>
                {t('work.calendar.reset')}
              </Button>
            )}
          </Group>
          {save.error && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(save.error)}
            </Alert>
          )}
          {saved && !save.error && (
            <Text size="sm" c="teal.8" role="status" data-testid="calendar-saved">
              {t('work.calendar.saved')}
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}
