import { Anchor, Box, Container, Group, Stack, Text } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { Link, NavLink, Outlet, useNavigation } from 'react-router';
import { AccountMenu } from './account-menu.js';
import { NotificationBell } from './notification-bell.js';
import { LanguageSwitch } from './language-switch.js';
import { OfflineBanner } from './offline-banner.js';
import { Loading } from './query-state.js';
import { useT } from '../i18n/i18n.js';

// the outbox (IndexedDB through Dexie) loads after the first screen, never in its way
const OutboxStatus = lazy(() => import('./outbox-status.js'));

/** Header (name, navigation, language) above the current page; lazy pages load inside it. */
export function Layout() {
  const t = useT();
  // a page's chunk is downloading: on a slow link the click must visibly have been heard
  const navigating = useNavigation().state !== 'idle';
  return (
    <>
      {navigating && <div className="nav-progress" role="progressbar" aria-label={t('common.loading')} />}
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <Box component="header" className="app-header">
        <Container size="xl" py="xs">
          <Group justify="space-between" wrap="nowrap" gap="md">
            <Group gap="sm" wrap="nowrap">
              <Anchor component={Link} to="/" underline="never" c="inherit">
                <Stack gap={0}>
                  <Text fw={800} fz="xl" lh={1.1} c="blue.8">
                    {t('app.name')}
                  </Text>
                  <Text fz="xs" c="dimmed" visibleFrom="sm">
                    {t('app.tagline')}
                  </Text>
                </Stack>
              </Anchor>
              <Group component="nav" aria-label={t('app.mainNav')} gap="sm">
                <Anchor component={NavLink} to="/" end fz="sm" className="nav-link">
                  {t('nav.portfolio')}
                </Anchor>
                <Anchor component={NavLink} to="/dashboard" fz="sm" className="nav-link">
                  {t('field.nav.dashboard')}
                </Anchor>
                <Anchor component={NavLink} to="/import" fz="sm" className="nav-link">
                  {t('exchange.nav')}
                </Anchor>
              </Group>
            </Group>
            {/* on a 360 px phone the language switch goes under the account rather than past the screen */}
            <Group gap="xs" justify="flex-end">
              <NotificationBell />
              <AccountMenu />
              <LanguageSwitch />
            </Group>
          </Group>
        </Container>
      </Box>
      <OfflineBanner />
      <Suspense fallback={null}>
        <OutboxStatus />
      </Suspense>
      <Container size="xl" component="main" id="main" tabIndex={-1} py="lg">
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </Container>
    </>
  );
}
