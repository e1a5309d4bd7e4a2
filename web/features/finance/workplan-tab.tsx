/**
 * The work plan as a Gantt-like year: one row per activity grouped by output, the planned months as a bar
 * coloured by status and, under it, the months done in the field (first → last field activity that carries it
 * out), the year's budget at the end; a click on an activity opens its follow-up.
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
  Switch,
  Text,
  Textarea,
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
import { formatDate, formatNumber, formatPercent, intlLocale } from '../../../core/i18n/format.js';
import { useLocale, useT } from '../../i18n/i18n.js';
import { useMoney, WriteError } from './parts.js';
import { DateField } from '../../components/date-field.js';

export const statusColours: Record<ActivityStatus, string> = {
  planned: 'var(--mantine-color-blue-4)',
  in_progress: 'var(--mantine-color-teal-5)',
  completed: 'var(--mantine-color-green-7)',
  delayed: 'var(--mantine-color-orange-6)',
  cancelled: 'var(--mantine-color-gray-5)',
};

/** The months (0–11) of `year` between two dates (ISO, inclusive), or none when either is missing. */
function monthsBetween(from: string | null, to: string | null, year: number): Set<number> {
  const months = new Set<number>();
  if (!from || !to) return months;
  const start = Number(from.slice(0, 4)) * 12 + Number(from.slice(5, 7)) - 1;
  const end = Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7)) - 1;
  for (let m = 0; m < 12; m++) {
    const at = year * 12 + m;
    if (at >= start && at <= end) months.add(m);
  }
  return months;
}

/** The months (0–11) of `year` an activity is planned in, or none. */
export const monthsIn = (
  activity: Pick<WorkPlanActivity, 'plannedStart' | 'plannedEnd'>,
  year: number,
): Set<number> => monthsBetween(activity.plannedStart, activity.plannedEnd, year);

/** The months (0–11) of `year` the field carried an activity out in: its first to its last field activity. */
export const monthsDone = (activity: Pick<WorkPlanActivity, 'field'>, year: number): Set<number> =>
  monthsBetween(activity.field.firstDate, activity.field.lastDate, year);

/** The two bars of a row, as the legend shows them. */
function Swatch({ kind }: { kind: 'planned' | 'done' }) {
  return <span className={`gantt-swatch ${kind}`} aria-hidden />;
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
  const [byHand, setByHand] = useState(activity.statusSetByHand);
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
          // by hand: what the person chose; else the field's again (cleared only when it was set)
          ...(byHand
            ? { status, progress: Number(progress) || 0 }
            : activity.statusSetByHand
              ? { statusSetByHand: false as const }
              : {}),
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
          <Text size="sm" data-testid="activity-field">
            {activity.field.count > 0 && activity.field.firstDate && activity.field.lastDate
              ? t('finance.workplan.fieldSummary', {
                  count: activity.field.count,
                  participants: formatNumber(activity.field.participants, locale),
                  first: formatDate(activity.field.firstDate, locale),
                  last: formatDate(activity.field.lastDate, locale),
                })
              : t('finance.workplan.noField')}
          </Text>
          <Switch
            checked={byHand}
            onChange={(e) => {
              const checked = e.currentTarget.checked;
              setByHand(checked);
              // leaving the field's values: start from them; returning to them: show them again
              if (!checked) {
                setStatus(activity.derived.status);
                setProgress(activity.derived.progress);
              }
            }}
            label={t('finance.workplan.byHand')}
            description={t('finance.workplan.byHandHint', {
              status: t(`finance.statuses.${activity.derived.status}`),
              progress: activity.derived.progress,
            })}
            data-testid="activity-by-hand"
          />
          <Group grow>
            <NativeSelect
              label={t('finance.workplan.status')}
              value={status}
              disabled={!byHand}
              onChange={(e) => setStatus(e.currentTarget.value as ActivityStatus)}
              data={activityStatuses.map((s) => ({ value: s, label: t(`finance.statuses.${s}`) }))}
              data-testid="activity-status"
            />
            <NumberInput
              label={t('finance.workplan.progress')}
              value={progress}
              disabled={!byHand}
              onChange={setProgress}
              min={0}
              max={100}
              suffix=" %"
              data-testid="activity-progress"
            />
          </Group>
          <Group grow>
            <DateField label={t('finance.workplan.start')} value={start} onChange={(iso) => setStart(iso)} />
            <DateField label={t('finance.workplan.end')} value={end} onChange={(iso) => setEnd(iso)} />
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
            setByHand(current.statusSetByHand);
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
      {view.activities.length > 0 && (
        <Group gap="lg" data-testid="gantt-legend">
          <Group gap={6}>
            <Swatch kind="planned" />
            <Text size="xs">{t('finance.workplan.legendPlanned')}</Text>
          </Group>
          <Group gap={6}>
            <Swatch kind="done" />
            <Text size="xs">{t('finance.workplan.legendDone')}</Text>
          </Group>
        </Group>
      )}
      {view.activities.length === 0 ? (
        <Text c="dimmed">{t('finance.workplan.empty')}</Text>
      ) : (
        <div className="gantt-scroll">
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
                    const done = monthsDone(a, year);
                    const doneTitle =
                      a.field.firstDate && a.field.lastDate
                        ? t('finance.workplan.doneBar', {
                            first: formatDate(a.field.firstDate, locale),
                            last: formatDate(a.field.lastDate, locale),
                          })
                        : '';
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
                            {(a.field.count > 0 || a.statusSetByHand) && (
                              <Text size="xs" c="dimmed" data-testid={`gantt-field-${a.code}`}>
                                {[
                                  a.field.count > 0 &&
                                    t('finance.workplan.fieldCount', { count: a.field.count }),
                                  `${t(`finance.statuses.${a.status}`)} ${formatPercent(a.progress, locale, 0)}`,
                                  a.statusSetByHand && t('finance.workplan.setByHand'),
                                ]
                                  .filter(Boolean)
                                  .join(' · ')}
                              </Text>
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
                            {done.has(m) && (
                              <div
                                className={`gantt-done${!done.has(m - 1) ? ' start' : ''}${!done.has(m + 1) ? ' end' : ''}`}
                                title={doneTitle}
                                data-testid={`gantt-done-${a.code}`}
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
        </div>
      )}
      {open && <FollowUp slug={slug} activity={open} onClose={() => setOpen(null)} />}
    </Stack>
  );
}
