/**
 * The work plan as a Gantt-like year: one row per activity grouped by output, the planned months as a bar
 * coloured by status, the year's budget at the end; a click on an activity opens its follow-up.
 */
import {
  Badge,
  Button,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
  Progress,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { Fragment, useState } from 'react';
import type { ActivityStatus } from '../../../core/contracts/finance-vocabulary.js';
import type { WorkPlanActivity } from '../../../core/contracts/finance/workplan.js';
import { activityStatuses } from '../../../core/contracts/finance-vocabulary.js';
import { localize } from '../../../core/i18n/locale.js';
import { useRefreshFinance, useUpdateWorkPlanActivity, useWorkPlan } from '../../api/finance.js';
import { ConflictDialog, useVersionConflict } from '../../components/conflict-dialog.js';
import { ErrorState, Loading } from '../../components/query-state.js';
import { intlLocale } from '../../../core/i18n/format.js';
import { useLocale, useT } from '../../i18n/i18n.js';
import { useMoney, WriteError } from './parts.js';

export const statusColours: Record<ActivityStatus, string> = {
  planned: 'var(--mantine-color-blue-4)',
  in_progress: 'var(--mantine-color-teal-5)',
  completed: 'var(--mantine-color-green-7)',
  delayed: 'var(--mantine-color-orange-6)',
  cancelled: 'var(--mantine-color-gray-5)',
};

/** The months (0–11) of `year` an activity is planned in, or none. */
export function monthsIn(
  activity: Pick<WorkPlanActivity, 'plannedStart' | 'plannedEnd'>,
  year: number,
): Set<number> {
  const months = new Set<number>();
  if (!activity.plannedStart || !activity.plannedEnd) return months;
  const start =
    Number(activity.plannedStart.slice(0, 4)) * 12 + Number(activity.plannedStart.slice(5, 7)) - 1;
  const end = Number(activity.plannedEnd.slice(0, 4)) * 12 + Number(activity.plannedEnd.slice(5, 7)) - 1;
  for (let m = 0; m < 12; m++) {
    const at = year * 12 + m;
    if (at >= start && at <= end) months.add(m);
  }
  return months;
}

function FollowUp({
  slug,
  activity,
  onClose,
}: {
  slug: string;
  activity: WorkPlanActivity;
  onClose: () => void;
}) {
  const t = useT();
  const locale = useLocale();
  const refresh = useRefreshFinance(slug);
  const [status, setStatus] = useState<ActivityStatus>(activity.status);
  const [progress, setProgress] = useState<number | string>(activity.progress);
  const [start, setStart] = useState(activity.plannedStart ?? '');
  const [end, setEnd] = useState(activity.plannedEnd ?? '');
  const [note, setNote] = useState(activity.statusNote ?? '');
  const update = useUpdateWorkPlanActivity(slug);
  // the version the form was filled from; after a conflict, the one saved meanwhile
  const [version, setVersion] = useState(activity.version);
  const stale = useVersionConflict<WorkPlanActivity>();
  const followUp = (
    a: Pick<WorkPlanActivity, 'status' | 'progress' | 'plannedStart' | 'plannedEnd' | 'statusNote'>,
  ) => ({
    status: t(`finance.statuses.${a.status}`),
    progress: `${a.progress} %`,
    plannedStart: a.plannedStart,
    plannedEnd: a.plannedEnd,
    statusNote: a.statusNote,
  });
  const save = (over?: number) =>
    update.mutate(
      {
        id: activity.id,
        body: {
          version: over ?? version,
          status,
          progress: Number(progress) || 0,
          plannedStart: start || null,
          plannedEnd: end || null,
          statusNote: note || null,
        },
      },
      {
        onSuccess: onClose,
        onError: (cause) => {
          if (stale.take(cause)) update.reset();
        },
      },
    );
  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={<Text fw={700}>{`${activity.code} — ${t('finance.workplan.followUp')}`}</Text>}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <Stack gap="sm">
          <Text size="sm">{localize(activity.title, locale)}</Text>
          {activity.description && (
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-line' }}>
              {localize(activity.description, locale)}
            </Text>
          )}
          <Group grow>
            <NativeSelect
              label={t('finance.workplan.status')}
              value={status}
              onChange={(e) => setStatus(e.currentTarget.value as ActivityStatus)}
              data={activityStatuses.map((s) => ({ value: s, label: t(`finance.statuses.${s}`) }))}
              data-testid="activity-status"
            />
            <NumberInput
              label={t('finance.workplan.progress')}
              value={progress}
              onChange={setProgress}
              min={0}
              max={100}
              suffix=" %"
              data-testid="activity-progress"
            />
          </Group>
          <Group grow>
            <TextInput
              type="date"
              label={t('finance.workplan.start')}
              value={start}
              onChange={(e) => setStart(e.currentTarget.value)}
            />
            <TextInput
              type="date"
              label={t('finance.workplan.end')}
              value={end}
              onChange={(e) => setEnd(e.currentTarget.value)}
            />
          </Group>
          <Textarea
            label={t('finance.workplan.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <WriteError error={update.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('finance.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending} data-testid="save-activity">
              {t('finance.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      {stale.conflict && (
        <ConflictDialog
          opened
          mine={followUp({
            status,
            progress: Number(progress) || 0,
            plannedStart: start || null,
            plannedEnd: end || null,
            statusNote: note || null,
          })}
          theirs={followUp(stale.conflict.current)}
          fields={[
            { key: 'status', label: t('finance.workplan.status') },
            { key: 'progress', label: t('finance.workplan.progress') },
            { key: 'plannedStart', label: t('finance.workplan.start') },
            { key: 'plannedEnd', label: t('finance.workplan.end') },
            { key: 'statusNote', label: t('finance.workplan.note') },
          ]}
          busy={update.isPending}
          onReload={() => {
            const current = stale.conflict!.current;
            setStatus(current.status);
            setProgress(current.progress);
            setStart(current.plannedStart ?? '');
            setEnd(current.plannedEnd ?? '');
            setNote(current.statusNote ?? '');
            setVersion(current.version);
            stale.clear();
            void refresh();
          }}
          onKeepMine={() => {
            const current = stale.conflict!.current;
            setVersion(current.version);
            stale.clear();
            save(current.version);
          }}
        />
      )}
    </Modal>
  );
}

export function WorkPlanTab({ slug }: { slug: string }) {
  const t = useT();
  const locale = useLocale();
  const money = useMoney();
  const plan = useWorkPlan(slug);
  const [picked, setYear] = useState<number | null>(null);
  const [open, setOpen] = useState<WorkPlanActivity | null>(null);
  if (plan.isPending) return <Loading />;
  if (plan.isError) return <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />;
  const view = plan.data;
  const thisYear = new Date().getFullYear();
  const year = picked ?? (view.years.includes(thisYear) ? thisYear : (view.years[0] ?? thisYear));
  const monthName = new Intl.DateTimeFormat(intlLocale(locale), { month: 'narrow', timeZone: 'UTC' });
  const months = Array.from({ length: 12 }, (_, m) => monthName.format(new Date(Date.UTC(2024, m, 1))));
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <SegmentedControl
          value={String(year)}
          onChange={(value) => setYear(Number(value))}
          data={view.years.map(String)}
          data-testid="gantt-year"
        />
        <Group gap="xs">
          {view.byStatus.map((s) => (
            <Badge
              key={s.status}
              variant="light"
              color="gray"
              tt="none"
              leftSection={
                <span
                  style={{
                    display: 'inline-block',
                    width: 10,
                    height: 10,
                    borderRadius: 2,
                    background: statusColours[s.status],
                  }}
                />
              }
            >
              {t(`finance.statuses.${s.status}`)} · {s.count}
            </Badge>
          ))}
        </Group>
      </Group>
      {view.activities.length === 0 ? (
        <Text c="dimmed">{t('finance.workplan.empty')}</Text>
      ) : (
        <div
          className="gantt"
          role="region"
          aria-label={t('finance.workplan.ganttLabel', { year })}
          data-testid="gantt"
        >
          <div className="gantt-head gantt-label">{t('finance.workplan.activity')}</div>
          {months.map((m, i) => (
            <div key={i} className="gantt-head">
              {m}
            </div>
          ))}
          <div className="gantt-head gantt-amount">{t('finance.workplan.budgetOf', { year })}</div>
          {view.outputs.map((o) => {
            const activities = view.activities.filter(
              (a) => a.outcome === o.outcome && a.output === o.output,
            );
            return (
              <Fragment key={`${o.outcome}-${o.output}`}>
                <div className="gantt-group">
                  {o.output
                    ? t('finance.lines.output', { code: o.output })
                    : t('finance.lines.outcome', { code: o.outcome })}
                  {o.statement && (
                    <Text span size="xs" c="dimmed" fw={400} ml="xs">
                      {localize(o.statement, locale)}
                    </Text>
                  )}
                </div>
                {activities.map((a) => {
                  const inYear = monthsIn(a, year);
                  const budget = a.budget.find((b) => b.year === year)?.amount;
                  return (
                    <Fragment key={a.id}>
                      <div className="gantt-label">
                        <UnstyledButton
                          onClick={() => setOpen(a)}
                          data-testid={`gantt-activity-${a.code}`}
                          w="100%"
                        >
                          <Text size="sm" lineClamp={1} title={localize(a.title, locale)}>
                            <Text span ff="monospace" size="xs" c="dimmed" mr={6}>
                              {a.code}
                            </Text>
                            {localize(a.title, locale)}
                          </Text>
                          {a.progress > 0 && (
                            <Progress
                              value={a.progress}
                              size="xs"
                              mt={2}
                              aria-label={t('finance.workplan.progressOf', { progress: a.progress })}
                            />
                          )}
                        </UnstyledButton>
                      </div>
                      {months.map((_, m) => (
                        <div key={m} className="gantt-cell">
                          {inYear.has(m) && (
                            <div
                              className={`gantt-bar${!inYear.has(m - 1) ? ' start' : ''}${!inYear.has(m + 1) ? ' end' : ''}`}
                              style={{ '--gantt-colour': statusColours[a.status] } as React.CSSProperties}
                              title={t(`finance.statuses.${a.status}`)}
                            />
                          )}
                        </div>
                      ))}
                      <div className="gantt-amount">
                        <Text size="xs">{budget ? money(budget) : ''}</Text>
                      </div>
                    </Fragment>
                  );
                })}
              </Fragment>
            );
          })}
        </div>
      )}
      {open && <FollowUp slug={slug} activity={open} onClose={() => setOpen(null)} />}
    </Stack>
  );
}
