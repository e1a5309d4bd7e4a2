import { Anchor, Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { MyWork as MyWorkData } from '../../../core/contracts/my-work.js';
import { formatDate } from '../../../core/i18n/format.js';
import { useMyWork } from '../../api/my-work.js';
import { useSession } from '../../api/session.js';
import { useLocale, useT, type TFunction } from '../../i18n/i18n.js';

type WorkReport = MyWorkData['toReview'][number]['report'];

const reportName = (t: TFunction, r: { type: WorkReport['type']; year: number }) =>
  t(`reports.name.${r.type}`, { year: r.year });

function Section({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <Stack gap={6} data-testid={testId}>
      <Title order={3} fz="md">
        {title}
      </Title>
      <Stack gap={8}>{children}</Stack>
    </Stack>
  );
}

function ReportLink({ report, link }: { report: WorkReport; link: string }) {
  const t = useT();
  return (
    <Anchor component={Link} to={link} fw={600}>
      {report.programme.code} — {reportName(t, report)}
    </Anchor>
  );
}

/** The signed-in home's first block: what the person has to do, by role, each item one click from the work. */
export function MyWork() {
  const t = useT();
  const locale = useLocale();
  const session = useSession();
  const signedIn = Boolean(session.data?.user);
  const work = useMyWork(signedIn);
  if (!signedIn || !work.data) return null;
  const w = work.data;
  const date = (iso: string) => formatDate(iso.slice(0, 10), locale, 'long');
  const empty =
    !w.toReview.length &&
    !w.sentBack.length &&
    !w.due.length &&
    !w.partsNotReady.length &&
    !w.toWrite.length &&
    !w.toRecord.length;
  return (
    <Paper withBorder p="md" radius="md" data-testid="my-work">
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={2} fz="lg">
            {t('work.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {empty ? t('work.nothing') : t('work.intro')}
          </Text>
        </Stack>
        {w.sentBack.length > 0 && (
          <Section title={t('work.sentBack.title')} testId="work-sent-back">
            {w.sentBack.map((s) => (
              <Stack key={s.report.id} gap={2} data-testid="work-item" data-report={s.report.id}>
                <Group gap="xs">
                  <ReportLink report={s.report} link={s.link} />
                  <Badge color="red" variant="light" tt="none">
                    {t('work.sentBack.comments', { count: s.openComments.length })}
                  </Badge>
                </Group>
                <Text size="sm">{t('work.sentBack.by', { by: s.by ?? '—', date: date(s.at) })}</Text>
                {s.reason && <Text size="sm">{t('work.sentBack.reason', { reason: s.reason })}</Text>}
                {s.openComments.length > 0 && (
                  <List size="sm" spacing={2}>
                    {s.openComments.map((c) => (
                      <List.Item key={c.id}>
                        « {c.body} » — {c.author}
                      </List.Item>
                    ))}
                  </List>
                )}
              </Stack>
            ))}
          </Section>
        )}
        {w.toReview.length > 0 && (
          <Section title={t('work.toReview.title')} testId="work-to-review">
            {w.toReview.map((r) => (
              <Group key={r.report.id} gap="xs" data-testid="work-item" data-report={r.report.id}>
                <ReportLink report={r.report} link={r.link} />
                <Badge color={r.waitingDays > 14 ? 'red' : 'blue'} variant="light" tt="none">
                  {r.waitingDays === 0
                    ? t('work.toReview.waitingToday')
                    : t('work.toReview.waiting', { count: r.waitingDays })}
                </Badge>
                {r.submittedBy && (
                  <Text size="sm" c="dimmed">
                    {t('work.toReview.by', { by: r.submittedBy })}
                  </Text>
                )}
              </Group>
            ))}
          </Section>
        )}
        {w.toWrite.length > 0 && (
          <Section title={t('work.toWrite.title')} testId="work-to-write">
            {w.toWrite.map((p) => (
              <Group
                key={`${p.report.id}-${p.agency}`}
                gap="xs"
                data-testid="work-item"
                data-report={p.report.id}
              >
                <ReportLink report={p.report} link={p.link} />
                <Text size="sm">{t('work.toWrite.part', { agency: p.agency })}</Text>
              </Group>
            ))}
          </Section>
        )}
        {w.partsNotReady.length > 0 && (
          <Section title={t('work.partsNotReady.title')} testId="work-parts">
            {w.partsNotReady.map((p) => (
              <Group key={p.report.id} gap="xs" data-testid="work-item" data-report={p.report.id}>
                <ReportLink report={p.report} link={p.link} />
                <Text size="sm">{t('work.partsNotReady.agencies', { agencies: p.agencies.join(', ') })}</Text>
              </Group>
            ))}
          </Section>
        )}
        {w.due.length > 0 && (
          <Section title={t('work.due.title')} testId="work-due">
            {w.due.map((d) => (
              <Group key={`${d.programme.slug}-${d.type}-${d.year}-${d.dueDate}`} gap="xs">
                <Anchor component={Link} to={d.link} fw={600}>
                  {d.programme.code} — {d.label ?? reportName(t, d)}
                </Anchor>
                <Badge color={d.late ? 'red' : 'orange'} variant={d.late ? 'filled' : 'light'} tt="none">
                  {d.late
                    ? t('work.due.late', { count: d.daysLate })
                    : t('work.due.dueOn', { date: date(d.dueDate) })}
                </Badge>
              </Group>
            ))}
          </Section>
        )}
        {w.toRecord.length > 0 && (
          <Section title={t('work.toRecord.title')} testId="work-to-record">
            {w.toRecord.map((r) => (
              <Stack key={`${r.programme.slug}-${r.agency}`} gap={2}>
                <Text size="sm" fw={600}>
                  {r.programme.code} —{' '}
                  {t('work.toRecord.period', {
                    agency: r.agency,
                    start: date(r.period.start),
                    end: date(r.period.end),
                    date: date(r.dueDate),
                  })}
                </Text>
                <Group gap="md">
                  <Text size="sm" c="dimmed">
                    {t('work.toRecord.activities', { count: r.activities })} ·{' '}
                    {t('work.toRecord.values', { count: r.values })}
                  </Text>
                  <Anchor component={Link} to={r.links.activities} size="sm">
                    {t('work.toRecord.recordActivities')}
                  </Anchor>
                  <Anchor component={Link} to={r.links.values} size="sm">
                    {t('work.toRecord.recordValues')}
                  </Anchor>
                </Group>
              </Stack>
            ))}
          </Section>
        )}
      </Stack>
    </Paper>
  );
}
