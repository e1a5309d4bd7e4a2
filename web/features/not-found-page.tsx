import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useT } from '../i18n/i18n.js';

export function NotFoundPage() {
  const t = useT();
  return (
    <Stack gap="md">
      <Title order={1}>{t('errors.notFoundTitle')}</Title>
      <Text>{t('errors.notFoundText')}</Text>
      <Anchor component={Link} to="/">
        ← {t('common.backToPortfolio')}
      </Anchor>
    </Stack>
  );
}
