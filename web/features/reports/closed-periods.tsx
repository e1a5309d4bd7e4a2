/**
 * A programme's closed reporting periods, under its reports: each with its reason, who closed it and when (and
 * who reopened it, why). The secretariat and administrators close a period and reopen it, with a reason.
 */
import { Alert, Button, Group, Modal, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { closedPeriodReasonMax } from '../../../core/contracts/limits.js';
import type { ClosedPeriod } from '../../../core/contracts/report-workflow.js';
import { useClosedPeriods, useClosePeriod, useReopenPeriod } from '../../api/reports.js';
import { useSession } from '../../api/session.js';
import { useLocale, useT } from '../../i18n/i18n.js';
import { formatPeriod } from '../../../core/i18n/format.js';
import { formatMoment } from './format.js';
import { LockIcon } from './lock-banner.js';
import { useRefusalMessage } from './use-workflow.js';
import { DateField } from '../../components/date-field.js';

export function ClosedPeriods({ slug }: { slug: string }) {
  const t = useT();
  const locale = useLocale();
  const titleId = useId();
  const periods = useClosedPeriods(slug);
  const session = useSession();
  const close = useClosePeriod(slug);
  const reopen = useReopenPeriod();
  const refusal = useRefusalMessage();
  const role = session.data?.user?.role;
  const mayClose = role === 'admin' || role === 'secretariat';
  const [dialog, setDialog] = useState<{ kind: 'close' } | { kind: 'reopen'; period: ClosedPeriod } | null>(
    null,
  );
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const working = close.isPending || reopen.isPending;

  if (!periods.data) return null;
  const items = periods.data.items;
  if (items.length === 0 && !mayClose) return null;

  const done = {
    onSuccess: () => {
      setDialog(null);
      setReason('');
      setError(null);
    },
    onError: (e: unknown) => setError(refusal(e)),
  };
  const submit = () => {
    if (!dialog) return;
    if (!reason.trim() || (dialog.kind === 'close' && (!start || !end))) {
      setError(t('reports.closedPeriods.required'));
      return;
    }
    if (dialog.kind === 'close') close.mutate({ start, end, reason: reason.trim() }, done);
    else reopen.mutate({ id: dialog.period.id, reason: reason.trim() }, done);
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId} data-testid="closed-periods">
      <Stack gap="sm">
        <Group justify="space-between" gap="sm">
          <Title order={2} fz="h4" id={titleId}>
            <LockIcon size={18} /> {t('reports.closedPeriods.title')}
          </Title>
          {mayClose && (
            <Button size="xs" variant="light" color="grape" onClick={() => setDialog({ kind: 'close' })}>
              {t('reports.closedPeriods.close')}
            </Button>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t('reports.closedPeriods.hint')}
        </Text>
        {items.length === 0 ? (
          <Text size="sm">{t('reports.closedPeriods.none')}</Text>
        ) : (
          <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {items.map((p) => (
              <li key={p.id} data-testid="closed-period" data-open={p.reopened !== null}>
                <Group justify="space-between" align="flex-start" gap="sm" wrap="nowrap">
                  <Stack gap={0}>
                    <Text size="sm" fw={600} td={p.reopened ? 'line-through' : undefined}>
                      {formatPeriod(p.start, p.end, locale)} — {p.reason}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('reports.closedPeriods.closedBy', {
                        by: p.closedBy ?? '—',
                        when: formatMoment(p.closedAt, locale),
                      })}
                    </Text>
                    {p.reopened && (
                      <Text size="xs" c="dimmed">
                        {t('reports.closedPeriods.reopened', {
                          by: p.reopened.by ?? '—',
                          when: formatMoment(p.reopened.at, locale),
                          reason: p.reopened.reason ?? '',
                        })}
                      </Text>
                    )}
                  </Stack>
                  {mayClose && !p.reopened && (
                    <Button
                      size="compact-xs"
                      variant="default"
                      onClick={() => setDialog({ kind: 'reopen', period: p })}
                    >
                      {t('reports.closedPeriods.reopen')}
                    </Button>
                  )}
                </Group>
              </li>
            ))}
          </Stack>
        )}
      </Stack>
      <Modal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        title={
          <Text fw={700}>
            {dialog?.kind === 'reopen' ? t('reports.closedPeriods.reopen') : t('reports.closedPeriods.close')}
          </Text>
        }
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <Stack gap="sm">
            {dialog?.kind === 'close' ? (
              <Group grow>
                <DateField
                  label={t('reports.closedPeriods.start')}
                  value={start}
                  onChange={(iso) => setStart(iso)}
                />
                <DateField
                  label={t('reports.closedPeriods.end')}
                  value={end}
                  onChange={(iso) => setEnd(iso)}
                />
              </Group>
            ) : (
              dialog && <Text size="sm">{formatPeriod(dialog.period.start, dialog.period.end, locale)}</Text>
            )}
            <Textarea
              label={
                dialog?.kind === 'reopen'
                  ? t('reports.closedPeriods.reopenReason')
                  : t('reports.closedPeriods.reason')
              }
              withAsterisk
              autosize
              minRows={2}
              maxLength={closedPeriodReasonMax}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
            {error && (
              <Alert color="red" variant="light" role="alert">
                {error}
              </Alert>
            )}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => setDialog(null)}>
                {t('reports.closedPeriods.cancel')}
              </Button>
              <Button type="submit" color="grape" loading={working}>
                {dialog?.kind === 'reopen'
                  ? t('reports.closedPeriods.reopen')
                  : t('reports.closedPeriods.confirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Paper>
  );
}
