import { Alert, Anchor, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useOutbox, useOutboxSender } from '../api/outbox.js';
import { useT } from '../i18n/i18n.js';

/**
 * Under the header: how many activities of this device wait to be sent and how many the server refused, with a
 * link to the outbox; asks to sign in again when the session expired. Sends the outbox whenever it can (the
 * app opening, the connection returning, Background Sync). Loaded after the first screen (its own chunk, with
 * Dexie), so the first load stays as small as it was.
 */
export default function OutboxStatus() {
  const t = useT();
  useOutboxSender();
  const { pending, refused, last } = useOutbox();
  const signedOut = last?.stopped === 'signed-out' && pending > 0;
  if (pending === 0 && refused === 0) return null;
  return (
    <Alert
      color={refused > 0 || signedOut ? 'red' : 'blue'}
      variant="light"
      radius={0}
      py={6}
      role="status"
      data-testid="outbox-status"
      data-pending={pending}
      data-refused={refused}
    >
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Text size="sm" fw={600}>
          {[
            pending > 0 ? t('offline.outbox.pending', { count: pending }) : null,
            refused > 0 ? t('offline.outbox.refused', { count: refused }) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        <Anchor component={Link} to="/outbox" size="sm" fw={600}>
          {t('offline.outbox.title')} →
        </Anchor>
      </Group>
      {signedOut && (
        <Text size="sm" mt={4}>
          {t('offline.outbox.signedOut')}{' '}
          <Anchor component={Link} to="/sign-in" size="sm">
            {t('offline.outbox.signIn')}
          </Anchor>
        </Text>
      )}
    </Alert>
  );
}
