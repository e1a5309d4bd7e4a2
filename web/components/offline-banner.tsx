import { Alert, Button, Group, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useLocale, useT } from '../i18n/i18n.js';
import { intlLocale } from '../../core/i18n/format.js';
import { onReconnect, useOfflineState } from '../lib/offline-status.js';

/**
 * Says clearly when the page shows data saved on this device rather than the server's current data (the
 * service worker answered from its cache), with the date they were saved; refreshes everything as soon as the
 * connection is back.
 */
export function OfflineBanner() {
  const t = useT();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const { savedAt } = useOfflineState();

  useEffect(() => {
    const refresh = () => void queryClient.invalidateQueries();
    window.addEventListener('online', refresh);
    const stop = onReconnect(refresh);
    return () => {
      window.removeEventListener('online', refresh);
      stop();
    };
  }, [queryClient]);

  // The browser's `online` event can come before its service worker reaches the network again, and a weak link
  // comes and goes without one: while saved answers are shown on a device that says it is connected, ask again
  // every few seconds, so the banner goes as soon as the server answers.
  useEffect(() => {
    if (!savedAt) return;
    const timer = window.setInterval(() => {
      if (navigator.onLine) void queryClient.invalidateQueries();
    }, 5000);
    return () => window.clearInterval(timer);
  }, [savedAt, queryClient]);

  if (!savedAt) return null;
  const date = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeStyle: 'short' }).format(
    savedAt,
  );
  return (
    <Alert
      color="orange"
      variant="filled"
      radius={0}
      role="status"
      data-testid="offline-banner"
      title={t('offline.banner', { date })}
    >
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Text size="sm">{t('offline.detail')}</Text>
        <Button
          size="compact-sm"
          variant="white"
          color="orange"
          onClick={() => void queryClient.invalidateQueries()}
        >
          {t('offline.retry')}
        </Button>
      </Group>
    </Alert>
  );
}
