/** Why the report cannot be written now, with the lock's reason as the server words it. */
import { Alert, Stack, Text } from '@mantine/core';
import { memo } from 'react';
import type { ReportLock } from '../../../core/contracts/report-workflow.js';
import { useT } from '../../i18n/i18n.js';

const colours = { accepted: 'teal', in_review: 'blue', closed_period: 'grape' } as const;

/** A padlock drawn inline (no icon font, no emoji: headless and older browsers lack them). */
export function LockIcon({ size = 16 }: { size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      style={{ flex: 'none' }}
    >
      <rect x="5" y="11" width="14" height="10" rx="2" />
      <path d="M8 11V7a4 4 0 0 1 8 0v4" />
    </svg>
  );
}

export const LockBanners = memo(function LockBanners({ locks }: { locks: ReportLock[] }) {
  const t = useT();
  if (locks.length === 0) return null;
  return (
    <Stack gap="xs">
      {locks.map((lock, i) => (
        <Alert
          key={`${lock.kind}-${i}`}
          color={colours[lock.kind]}
          variant="light"
          icon={<LockIcon />}
          title={t(`reports.locks.${lock.kind}`)}
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
