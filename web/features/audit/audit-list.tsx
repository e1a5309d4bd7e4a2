import './styles.js';
/**
 * Events of the audit trail, newest first, each as "who — when — what", and for each field the value before →
 * the value after, in words. More are loaded on demand.
 */
import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { AuditEvent } from '../../../core/contracts/audit.js';
import { useAudit, type AuditFilter } from '../../api/audit.js';
import { ErrorState, Loading } from '../../components/query-state.js';
import { useLocale, useT } from '../../i18n/i18n.js';
import { changesOf, objectName } from '../../lib/changes.js';
import { entityLabel } from '../../lib/field-labels.js';

const actionColour = { insert: 'green', update: 'blue', delete: 'red' } as const;

export function AuditEventView({
  event,
  showEntity = true,
  objectLink,
  labels = {},
}: {
  event: AuditEvent;
  /** names of the ids the events hold (from the API) */
  labels?: Record<string, string>;
  showEntity?: boolean;
  /** where this object's own history is (on the programme's history page) */
  objectLink?: string | undefined;
}) {
  const t = useT();
  const locale = useLocale();
  const words = {
    empty: '—',
    yes: t('common.yes'),
    no: t('common.no'),
    fields: (count: number) => t('admin.audit.fields', { count }),
    labels,
  };
  const changes = changesOf(event, locale, words);
  const name = objectName(event, locale, labels);
  const at = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(event.at),
  );
  return (
    <Paper withBorder p="sm" radius="sm" data-testid="audit-event" component="li">
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <Text size="sm" fw={700}>
            {/* the database's own label for changes made outside a request (demo data, migrations) */}
            {event.actor.label && event.actor.label !== 'system'
              ? event.actor.label
              : t('admin.audit.system')}
          </Text>
          <Badge size="sm" variant="light" color={actionColour[event.action]} tt="none">
            {t(`admin.audit.actions.${event.action}`)}
          </Badge>
          {showEntity && (
            <Text size="sm">
              {entityLabel(event.entity, locale)}
              {name ? ` « ${name} »` : ''}
            </Text>
          )}
          {objectLink && (
            <Anchor component={Link} to={objectLink} size="xs" title={event.entityId ?? undefined}>
              #{event.entityId?.slice(0, 8)}
            </Anchor>
          )}
          <Text size="xs" c="dimmed" component="time" dateTime={event.at} ml="auto">
            {at}
          </Text>
        </Group>
        {changes.length === 0 ? (
          <Text size="xs" c="dimmed">
            {t('admin.audit.nothingReadable')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={420}>
            <Table verticalSpacing={4} fz="sm" layout="fixed" withRowBorders={false}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w="28%">{t('admin.audit.field')}</Table.Th>
                  {event.action !== 'insert' && <Table.Th>{t('admin.audit.before')}</Table.Th>}
                  {event.action !== 'delete' && <Table.Th>{t('admin.audit.after')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {changes.map((c) => (
                  <Table.Tr key={c.field} data-testid="audit-change">
                    <Table.Td c="dimmed">{c.field}</Table.Td>
                    {c.before !== null && (
                      <Table.Td style={{ overflowWrap: 'anywhere' }}>
                        {event.action === 'update' ? <s className="audit-before">{c.before}</s> : c.before}
                      </Table.Td>
                    )}
                    {c.after !== null && <Table.Td style={{ overflowWrap: 'anywhere' }}>{c.after}</Table.Td>}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}

export function AuditList({
  filter,
  pageSize = 10,
  showEntity = true,
}: {
  filter: AuditFilter;
  pageSize?: number;
  showEntity?: boolean;
}) {
  const t = useT();
  const audit = useAudit(filter, { pageSize });
  if (audit.isPending) return <Loading />;
  if (audit.isError) return <ErrorState error={audit.error} onRetry={() => void audit.refetch()} />;
  const events = audit.data.pages.flatMap((p) => p.items);
  const labels = Object.assign({}, ...audit.data.pages.map((p) => p.labels)) as Record<string, string>;
  if (events.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('admin.audit.empty')}
      </Text>
    );
  return (
    <Stack gap="xs">
      <Stack gap="xs" component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
        {events.map((e) => (
          <AuditEventView
            key={e.id}
            event={e}
            showEntity={showEntity}
            labels={labels}
            objectLink={
              showEntity && filter.programme && e.entityId
                ? `/programmes/${filter.programme}/audit?entity=${e.entity}&id=${e.entityId}`
                : undefined
            }
          />
        ))}
      </Stack>
      {audit.hasNextPage && (
        <Group>
          <Button
            variant="light"
            size="xs"
            loading={audit.isFetchingNextPage}
            onClick={() => void audit.fetchNextPage()}
          >
            {t('admin.audit.more')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
