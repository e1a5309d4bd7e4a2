import { Alert, Button, Code, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useT } from '../../i18n/i18n.js';

/** A password shown once, with a way to copy it: the server keeps only its hash. */
export function OneTimeSecret({ intro, secret }: { intro: string; secret: string }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  return (
    <Alert color="green" variant="light" role="status">
      <Text size="sm">{intro}</Text>
      <Group gap="sm" mt="xs">
        <Code fz="md" data-testid="one-time-password">
          {secret}
        </Code>
        <Button
          size="compact-xs"
          variant="subtle"
          onClick={() => {
            void navigator.clipboard?.writeText(secret).then(() => setCopied(true));
          }}
        >
          {copied ? t('admin.user.copied') : t('admin.user.copy')}
        </Button>
      </Group>
    </Alert>
  );
}
