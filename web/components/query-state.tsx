import { Alert, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { ApiError, serverErrorMessage } from '../api/client.js';
import { useT } from '../i18n/i18n.js';

/** A spinner with its words, announced to screen readers. */
export function Loading({ label }: { label?: string }) {
  const t = useT();
  return (
    <Group gap="sm" py="xl" justify="center" role="status" aria-live="polite">
      <Loader size="sm" />
      <Text c="dimmed">{label ?? t('common.loading')}</Text>
    </Group>
  );
}

/** The sentence for any failure, in the reader's language; never the server's internals. */
export function useErrorMessage(): (error: unknown) => string {
  const t = useT();
  return (error) => {
    if (error instanceof ApiError) {
      if (error.code === 'network') return t('errors.network');
      return serverErrorMessage(error, t) ?? t('errors.unexpected');
    }
    return t('errors.unexpected');
  };
}

/** A failed load: what happened, the fields concerned if the server named them, and a way to try again. */
export function ErrorState({
  error,
  title,
  onRetry,
}: {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}) {
  const t = useT();
  const message = useErrorMessage();
  const issues = error instanceof ApiError ? error.issues : [];
  return (
    <Alert color="red" variant="light" title={title ?? t('errors.loadTitle')} role="alert" my="md">
      <Stack gap="xs">
        <Text size="sm">{message(error)}</Text>
        {issues.length > 0 && (
          <Stack gap={2} component="ul" m={0} pl="md">
            {issues.map((issue) => (
              <Text component="li" size="sm" key={`${issue.path}:${issue.message}`}>
                {issue.message}
              </Text>
            ))}
          </Stack>
        )}
        {onRetry && (
          <Group>
            <Button size="xs" variant="white" color="red" onClick={onRetry}>
              {t('common.retry')}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}
