import { Alert, Stack, Text } from '@mantine/core';
import { ApiError } from '../../api/client.js';
import { useErrorMessage } from '../../components/query-state.js';

/** A refused write: the server's sentence, and each field it named. */
export function FormError({ error }: { error: unknown }) {
  const message = useErrorMessage();
  if (!error) return null;
  const issues = error instanceof ApiError ? error.issues : [];
  return (
    <Alert color="red" variant="light" role="alert">
      <Stack gap={4}>
        <Text size="sm">{message(error)}</Text>
        {issues.map((issue) => (
          <Text size="sm" key={`${issue.path}:${issue.message}`}>
            {issue.message}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}
