import { Anchor, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useSession, useSignOut } from '../api/session.js';

/** The header's account corner: a sign-in link, or who is signed in and a way out. */
export function AccountMenu() {
  const { t } = useTranslation();
  const session = useSession();
  const signOut = useSignOut();
  const location = useLocation();
  const user = session.data?.user;
  if (!user) {
    if (location.pathname === '/sign-in') return null;
    return (
      <Anchor component={Link} to={`/sign-in?next=${encodeURIComponent(location.pathname)}`} fz="sm">
        {t('auth.signIn')}
      </Anchor>
    );
  }
  return (
    <Group gap="xs" wrap="nowrap">
      <Text fz="sm" visibleFrom="sm" title={user.email}>
        {t('auth.signedInAs', { name: user.name })}
      </Text>
      <Button variant="subtle" size="compact-sm" onClick={() => signOut.mutate()} loading={signOut.isPending}>
        {t('auth.signOut')}
      </Button>
    </Group>
  );
}
