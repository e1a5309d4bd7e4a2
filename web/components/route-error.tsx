import { Alert, Button, Container, Stack, Text } from '@mantine/core';
import { useRouteError } from 'react-router';
import { useT } from '../i18n/i18n.js';

/**
 * What the router shows when a page cannot be rendered — most often its chunk failed to download on a bad
 * connection (or after a deployment replaced it): say so and offer a reload.
 */
export function RouteError() {
  const t = useT();
  const error = useRouteError();
  if (error) console.error(error);
  return (
    <Container size="sm" py="xl">
      <Alert color="red" variant="light" title={t('errors.pageTitle')} role="alert">
        <Stack gap="sm">
          <Text size="sm">{t('errors.pageText')}</Text>
          <div>
            <Button size="xs" color="red" variant="white" onClick={() => window.location.reload()}>
              {t('errors.reload')}
            </Button>
          </div>
        </Stack>
      </Alert>
    </Container>
  );
}
