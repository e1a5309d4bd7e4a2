import '@mantine/core/styles/Popover.css';
import '@mantine/core/styles/Menu.css';
import { Anchor, Button, Group, Menu, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
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
  // a password set by the administrators is temporary: lead its owner to choose their own first
  if (user.mustChangePassword && location.pathname !== '/account/password')
    return <Navigate to="/account/password" replace />;
  return (
    <Group gap="xs" wrap="nowrap">
      <Text fz="sm" visibleFrom="sm" title={user.email}>
        {t('auth.signedInAs', { name: user.name })}
      </Text>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="subtle" size="compact-sm">
            {t('admin.nav.menu')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item component={Link} to="/due">
            {t('admin.nav.due')}
          </Menu.Item>
          {user.role === 'admin' && (
            <Menu.Item component={Link} to="/admin/users">
              {t('admin.nav.accounts')}
            </Menu.Item>
          )}
          <Menu.Item component={Link} to="/account/password">
            {t('admin.nav.password')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Button variant="subtle" size="compact-sm" onClick={() => signOut.mutate()} loading={signOut.isPending}>
        {t('auth.signOut')}
      </Button>
    </Group>
  );
}
