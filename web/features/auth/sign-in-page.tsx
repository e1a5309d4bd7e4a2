import { Alert, Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError, serverErrorMessage } from '../../api/client.js';
import { useSignIn } from '../../api/session.js';
import './styles.js';
import { useT } from '../../i18n/i18n.js';

/** Sign-in: e-mail and password; the server's answer (wrong password, locked account) said plainly. */
export function SignInPage() {
  const t = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate(
      { email, password },
      { onSuccess: () => void navigate(params.get('next')?.startsWith('/') ? params.get('next')! : '/') },
    );
  };
  const error = signIn.error instanceof ApiError ? signIn.error : null;
  const detail = error?.code === 'account_locked' ? error.issues[0]?.message : undefined;

  return (
    <Paper maw={420} mx="auto" mt="xl" p="lg" withBorder radius="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={1} fz="h2">
            {t('auth.title')}
          </Title>
          <Text c="dimmed" fz="sm">
            {t('auth.intro')}
          </Text>
          {error && (
            <Alert color="red" role="alert">
              {serverErrorMessage(error, t) ?? t('errors.network')}
              {detail ? ` (${detail})` : ''}
            </Alert>
          )}
          <TextInput
            label={t('auth.email')}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
          <PasswordInput
            label={t('auth.password')}
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          <Button type="submit" loading={signIn.isPending}>
            {signIn.isPending ? t('auth.submitting') : t('auth.submit')}
          </Button>
          <Anchor component="span" fz="xs" c="dimmed">
            {t('auth.forgotten')}
          </Anchor>
        </Stack>
      </form>
    </Paper>
  );
}
