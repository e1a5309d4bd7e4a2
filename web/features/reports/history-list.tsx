/**
 * The versions of the report, latest first: each status change with its date and reason; the autosaves in
 * between are counted on one line (an afternoon of writing is dozens of versions).
 */
import { Paper, Stack, Text, Title } from '@mantine/core';
import { memo, useId } from 'react';
import type { ReportDetail } from '../../../core/contracts/report.js';
import { useLocale, useT } from '../../i18n/i18n.js';
import { formatMoment } from './format.js';

type Entry = ReportDetail['history'][number];
type Line = { kind: 'event'; entry: Entry } | { kind: 'edits'; first: Entry; last: Entry; count: number };

const knownEvents = [
  'created',
  'imported',
  'edited',
  'submitted',
  'approved',
  'reopened',
  'sent_back',
  'part_ready',
  'part_withdrawn',
] as const;
type KnownEvent = (typeof knownEvents)[number];

export function historyLines(history: Entry[]): Line[] {
  const lines: Line[] = [];
  for (const entry of history) {
    const last = lines.at(-1);
    if (entry.event === 'edited') {
      // history is latest first: the run grows towards older versions
      if (last?.kind === 'edits') {
        last.first = entry;
        last.count++;
      } else lines.push({ kind: 'edits', first: entry, last: entry, count: 1 });
    } else lines.push({ kind: 'event', entry });
  }
  return lines;
}

export const HistoryList = memo(function HistoryList({ history }: { history: Entry[] }) {
  const t = useT();
  const locale = useLocale();
  const titleId = useId();
  const eventName = (event: string) =>
    (knownEvents as readonly string[]).includes(event)
      ? t(`reports.history.events.${event as KnownEvent}`)
      : event;
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby={titleId} data-testid="history">
      <Stack gap="xs">
        <Title order={2} fz="md" id={titleId}>
          {t('reports.history.title')}
        </Title>
        <Stack gap={8} component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
          {historyLines(history).map((line) =>
            line.kind === 'event' ? (
              <li key={line.entry.version}>
                <Text size="sm">
                  <Text span fw={600}>
                    {eventName(line.entry.event)}
                    {line.entry.agency ? ` — ${line.entry.agency}` : ''}
                  </Text>{' '}
                  {line.entry.by && (
                    <Text span size="xs">
                      {t('reports.history.by', { by: line.entry.by })}{' '}
                    </Text>
                  )}
                  <Text span size="xs" c="dimmed">
                    {t('reports.history.version', { version: line.entry.version })} ·{' '}
                    {formatMoment(line.entry.at, locale)}
                  </Text>
                </Text>
                {line.entry.reason && (
                  <Text size="xs" c="dimmed" fs="italic">
                    {t('reports.history.reason', { reason: line.entry.reason })}
                  </Text>
                )}
              </li>
            ) : (
              <li key={line.last.version}>
                <Text size="sm">
                  <Text span fw={600}>
                    {t('reports.history.edits', { count: line.count })}
                  </Text>{' '}
                  <Text span size="xs" c="dimmed">
                    {line.count === 1
                      ? t('reports.history.version', { version: line.last.version })
                      : `${t('reports.history.version', { version: line.first.version })}–${line.last.version}`}{' '}
                    ·{' '}
                    {line.count === 1
                      ? formatMoment(line.last.at, locale)
                      : t('reports.history.range', {
                          from: formatMoment(line.first.at, locale),
                          to: formatMoment(line.last.at, locale),
                        })}
                  </Text>
                </Text>
              </li>
            ),
          )}
        </Stack>
      </Stack>
    </Paper>
  );
});
