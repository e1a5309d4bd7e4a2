/** Why the report cannot be written now, with the lock's reason as the server words it. */
import { Alert, Stack, Text } from '@mantine/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportLock } from '../../../core/contracts/report-workflow.js';

const colours = { accepted: 'teal', in_review: 'blue', closed_period: 'grape' } as const;

export const LockBanners = memo(function LockBanners({ locks }: { locks: ReportLock[] }) {
  const { t } = useTranslation();
  if (locks.length === 0) return null;
  return (
    <Stack gap="xs">
      {locks.map((lock, i) => (
        <Alert
          key={`${lock.kind}-${i}`}
          color={colours[lock.kind]}
          variant="light"
          title={`🔒 ${t(`reports.locks.${lock.kind}`)}`}
          data-testid={lock.kind === 'accepted' ? 'approved-banner' : `lock-${lock.kind}`}
          data-lock={lock.kind}
        >
          <Text size="sm" fw={600}>
            {lock.text}
          </Text>
          {lock.kind !== 'in_review' && (
            <Text size="sm" mt={4}>
              {lock.kind === 'accepted' ? t('reports.locks.acceptedText') : t('reports.locks.closedText')}
            </Text>
          )}
        </Alert>
      ))}
    </Stack>
  );
});
