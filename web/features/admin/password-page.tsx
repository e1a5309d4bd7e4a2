import './styles.js';
import { Alert, Anchor, Button, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { Link, Navigate } from 'react-router';
import { useChangeMyPassword } from '../../api/admin.js';
import { ApiError } from '../../api/client.js';
import { useSession } from '../../api/session.js';
import { Loading } from '../../components/query-state.js';
import { FormError } from './form-error.js';
import { useT } from '../../i18n/i18n.js';

/**
 * `/account/password`: the signed-in person sets a new password. Someone whose password was created or reset
 * by the administrators is brought here (see the account menu) until they do.
 */
export function PasswordPage() {
  const t = useT();
  useDocumentTitle(`${t('admin.password.title')} — ${t('app.name')}`);
  const session = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [tried, setTried] = useState(false);
  const change = useChangeMyPassword();
  if (session.isPending) return <Loading />;
  const user = session.data?.user;
  if (!user) return <Navigate to="/sign-in?next=%2Faccount%2Fpassword" replace />;

  const tooShort = next.length > 0 && next.length < 10;
  const mismatch = again.length > 0 && again !== next;
  // a temporary password is replaced, not confirmed (the server refuses it too)
  const same = next.length > 0 && next === current;
  const wrongCurrent =
    change.error instanceof ApiError && change.error.issues.some((i) => i.path === 'body.current');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (next.length < 10 || again !== next || !current || same) return;
    change.mutate({ current, next });
  };

  return (
    <Paper maw={480} mx="auto" mt="lg" p="lg" withBorder radius="md">
      {change.isSuccess ? (
        <Stack gap="md">
          <Title order={1} fz="h2">
            {t('admin.password.title')}
          </Title>
          <Alert color="green" role="status">
            {t('admin.password.done')}
          </Alert>
          <Anchor component={Link} to="/">
            {t('admin.password.continue')}
          </Anchor>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Title order={1} fz="h2">
              {t('admin.password.title')}
            </Title>
            {user.mustChangePassword && (
              <Alert color="orange" role="alert">
                {t('admin.password.mustChange')}
              </Alert>
            )}
            {change.error && !wrongCurrent && <FormError error={change.error} />}
            <Text size="sm" c="dimmed">
              {user.email}
            </Text>
            <PasswordInput
              label={t('admin.password.current')}
              autoComplete="current-password"
              required
              value={current}
              error={wrongCurrent ? t('admin.password.wrongCurrent') : undefined}
              onChange={(e) => setCurrent(e.currentTarget.value)}
            />
            <PasswordInput
              label={t('admin.password.next')}
              description={t('admin.password.nextHelp')}
              autoComplete="new-password"
              required
              value={next}
              error={
                (tried || next.length >= 10) && tooShort
                  ? t('admin.password.tooShort')
                  : tried && same
                    ? t('admin.password.sameAsCurrent')
                    : undefined
              }
              onChange={(e) => setNext(e.currentTarget.value)}
            />
            <PasswordInput
              label={t('admin.password.confirm')}
              autoComplete="new-password"
              required
              value={again}
              error={tried && mismatch ? t('admin.password.mismatch') : undefined}
              onChange={(e) => setAgain(e.currentTarget.value)}
            />
            <Button type="submit" loading={change.isPending}>
              {t('admin.password.submit')}
            </Button>
          </Stack>
        </form>
      )}
    </Paper>
  );
}
