import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link } from 'react-router';
import { deliveryModes, notificationKinds } from '../../../core/contracts/notification-kinds.js';
import { formatDate } from '../../../core/i18n/format.js';
import {
  useNotificationPreferences,
  useNotifications,
  useReadNotifications,
  useUpdateNotificationPreferences,
} from '../../api/my-work.js';
import { useSession } from '../../api/session.js';
import { ErrorState, Loading } from '../../components/query-state.js';
import { useLocale, useT } from '../../i18n/i18n.js';

/** `/notifications`: the person's notifications, newest first, and how they receive each kind. */
export function NotificationsPage() {
  const t = useT();
  const locale = useLocale();
  useDocumentTitle(`${t('work.notifications.title')} — ${t('app.name')}`);
  const session = useSession();
  const signedIn = Boolean(session.data?.user);
  const list = useNotifications(signedIn);
  const read = useReadNotifications();
  const prefs = useNotificationPreferences();
  const update = useUpdateNotificationPreferences();
  if (session.isPending || list.isPending) return <Loading />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const items = list.data?.items ?? [];
  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1}>{t('work.notifications.title')}</Title>
        {(list.data?.unread ?? 0) > 0 && (
          <Button variant="light" loading={read.isPending} onClick={() => read.mutate(undefined)}>
            {t('work.notifications.markAllRead')}
          </Button>
        )}
      </Group>
      {items.length === 0 && <Text c="dimmed">{t('work.notifications.empty')}</Text>}
      <Stack gap="xs" data-testid="notification-list">
        {items.map((n) => (
          <Paper key={n.id} withBorder p="sm" radius="md" data-testid="notification" data-kind={n.kind}>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Stack gap={2}>
                <Anchor
                  component={Link}
                  to={n.link}
                  fw={n.read ? 400 : 700}
                  onClick={() => read.mutate([n.id])}
                >
                  {n.title}
                </Anchor>
                {n.body && (
                  <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                    {n.body}
                  </Text>
                )}
                <Text size="xs" c="dimmed">
                  {formatDate(n.at.slice(0, 10), locale, 'long')}
                </Text>
              </Stack>
              {!n.read && (
                <Badge color="blue" variant="light" tt="none">
                  {t('work.notifications.unread')}
                </Badge>
              )}
            </Group>
          </Paper>
        ))}
      </Stack>
      {prefs.data && (
        <Stack gap="xs">
          <Title order={2} fz="lg">
            {t('work.notifications.preferences')}
          </Title>
          {!prefs.data.emailEnabled && (
            <Alert color="gray" variant="light">
              {t('work.notifications.emailOff')}
            </Alert>
          )}
          <NativeSelect
            label={t('work.notifications.language')}
            maw={240}
            value={prefs.data.locale}
            onChange={(e) => update.mutate({ locale: e.currentTarget.value === 'en' ? 'en' : 'fr' })}
          >
            {/* each language named in itself, and marked as such for screen readers (WCAG 3.1.2) */}
            <option value="fr" lang="fr">
              Français
            </option>
            <option value="en" lang="en">
              English
            </option>
          </NativeSelect>
          <Table maw={560}>
            <Table.Tbody>
              {notificationKinds.map((kind) => (
                <Table.Tr key={kind}>
                  <Table.Td>{t(`work.notifications.kinds.${kind}`)}</Table.Td>
                  <Table.Td>
                    <NativeSelect
                      aria-label={t(`work.notifications.kinds.${kind}`)}
                      value={prefs.data.modes[kind]}
                      data={deliveryModes.map((m) => ({
                        value: m,
                        label: t(`work.notifications.modes.${m}`),
                      }))}
                      onChange={(e) => {
                        const mode = deliveryModes.find((m) => m === e.currentTarget.value);
                        if (mode) update.mutate({ modes: { [kind]: mode } });
                      }}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Stack>
  );
}
