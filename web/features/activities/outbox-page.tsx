import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link, useLocation } from 'react-router';
import { intlLocale } from '../../../core/i18n/format.js';
import { useDiscardRecord, useOutbox, useSendOutbox } from '../../api/outbox.js';
import { useLocale, useT } from '../../i18n/i18n.js';
import type { OutboxRecord } from '../../lib/outbox.js';

/** `/outbox`: the activities recorded on this device that the server does not hold yet, or refused. */
export function OutboxPage() {
  const t = useT();
  const { records, last } = useOutbox();
  const send = useSendOutbox();
  const saved = (useLocation().state as { saved?: string } | null)?.saved;
  useDocumentTitle(`${t('offline.outbox.title')} — ${t('app.name')}`);
  return (
    <Stack gap="md">
      <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
        {t('offline.outbox.title')}
      </Title>
      {saved && records.some((r) => r.id === saved && r.status === 'pending') && (
        <Alert color="green" data-testid="saved-offline">
          {t('offline.outbox.savedOffline')}
        </Alert>
      )}
      {last?.stopped === 'signed-out' && records.some((r) => r.status === 'pending') && (
        <Alert color="red">
          {t('offline.outbox.signedOut')}{' '}
          <Anchor component={Link} to="/sign-in">
            {t('offline.outbox.signIn')}
          </Anchor>
        </Alert>
      )}
      <Text size="sm" c="dimmed">
        {t('offline.outbox.intro')}
      </Text>
      {records.length === 0 ? (
        <Text data-testid="outbox-empty">{t('offline.outbox.empty')}</Text>
      ) : (
        <>
          <div>
            <Button size="md" loading={send.isPending} onClick={() => send.mutate()}>
              {t('offline.outbox.sendNow')}
            </Button>
          </div>
          {records.map((record) => (
            <RecordCard key={record.id} record={record} />
          ))}
        </>
      )}
    </Stack>
  );
}

function RecordCard({ record }: { record: OutboxRecord }) {
  const t = useT();
  const locale = useLocale();
  const discard = useDiscardRecord();
  const participants = (record.body.participants ?? []).reduce((n, p) => n + p.count, 0);
  const date = new Intl.DateTimeFormat(intlLocale(locale), {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(record.createdAt));
  return (
    <Paper
      withBorder
      p="sm"
      data-testid="outbox-record"
      data-status={record.status}
      data-change={record.change ? 'true' : undefined}
      data-refusal={record.refusal?.code}
    >
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Text fw={600}>
            {record.change && (
              <Badge color="gray" variant="outline" mr={6} style={{ verticalAlign: 'middle' }}>
                {t('offline.outbox.change')}
              </Badge>
            )}
            {record.body.title.fr}
          </Text>
          <Badge
            color={record.status === 'refused' ? 'red' : 'blue'}
            variant="light"
            style={{ flexShrink: 0, maxWidth: '50%' }}
          >
            {record.refusal?.code === 'version_conflict'
              ? t('offline.outbox.conflict')
              : record.status === 'refused'
                ? t('offline.outbox.refused')
                : record.activityId
                  ? t('offline.outbox.photosLeft')
                  : t('offline.outbox.waiting')}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {[
            record.body.startDate,
            t('offline.outbox.participants', { count: participants }),
            record.photos.length > 0 ? t('offline.outbox.photos', { count: record.photos.length }) : null,
            t('offline.outbox.recordedOn', { date }),
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        {record.refusal && (
          <Alert color="red" p="xs" data-testid="refusal-message">
            {record.refusal.issues.length > 0
              ? record.refusal.issues.map((i) => <div key={i.path + i.message}>{i.message}</div>)
              : record.refusal.code === 'version_conflict'
                ? `${record.refusal.message} ${t('offline.outbox.conflictHint')}`
                : record.refusal.message}
          </Alert>
        )}
        {record.status === 'refused' && (
          <Group gap="sm">
            <Button component={Link} to={`/outbox/${record.id}`} size="md" variant="light">
              {t('offline.outbox.correct')}
            </Button>
            <Button
              size="md"
              variant="subtle"
              color="red"
              loading={discard.isPending}
              onClick={() => {
                if (window.confirm(t('offline.outbox.discardConfirm'))) discard.mutate(record.id);
              }}
            >
              {t('offline.outbox.discard')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
