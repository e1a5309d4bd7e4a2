import { Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useEffect, useId, useRef, useState } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import type { User } from '../../core/contracts/auth.js';
import { useSession, useSignOut } from '../api/session.js';
import { useT } from '../i18n/i18n.js';

/**
 * "My account": a few links under a button. Hand-made rather than Mantine's Menu, whose positioning library
 * would add some 29 kB (gzip) to the first page every visitor downloads, on slow links.
 */
function AccountLinks({ user, onSignOut }: { user: User; onSignOut: () => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const id = useId();
  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (
        event instanceof KeyboardEvent ? event.key === 'Escape' : !box.current?.contains(event.target as Node)
      )
        setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);
  const link = (to: string, label: string) => (
    <Anchor component={Link} to={to} fz="sm" px="sm" py={6} display="block" onClick={() => setOpen(false)}>
      {label}
    </Anchor>
  );
  return (
    <div ref={box} style={{ position: 'relative' }}>
      <Button
        variant="subtle"
        size="compact-sm"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
      >
        {t('admin.nav.menu')}
      </Button>
      {open && (
        <Paper
          id={id}
          component="nav"
          aria-label={t('admin.nav.menu')}
          withBorder
          shadow="md"
          py={4}
          style={{ position: 'absolute', right: 0, top: 'calc(100% + 4px)', zIndex: 300, minWidth: 200 }}
        >
          <Stack gap={0}>
            {link('/due', t('admin.nav.due'))}
            {user.role === 'admin' && link('/admin/users', t('admin.nav.accounts'))}
            {link('/account/password', t('admin.nav.password'))}
            {/* on a phone the header has no room for the sign-out button: it is here */}
            <Anchor
              component="button"
              type="button"
              fz="sm"
              px="sm"
              py={6}
              ta="left"
              hiddenFrom="sm"
              onClick={() => {
                setOpen(false);
                onSignOut();
              }}
            >
              {t('auth.signOut')}
            </Anchor>
          </Stack>
        </Paper>
      )}
    </div>
  );
}

/** The header's account corner: a sign-in link, or who is signed in and a way out. */
export function AccountMenu() {
  const t = useT();
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
      <AccountLinks user={user} onSignOut={() => signOut.mutate()} />
      <Button
        variant="subtle"
        size="compact-sm"
        visibleFrom="sm"
        onClick={() => signOut.mutate()}
        loading={signOut.isPending}
      >
        {t('auth.signOut')}
      </Button>
    </Group>
  );
}
