import { Anchor, Badge } from '@mantine/core';
import { Link } from 'react-router';
import { useNotifications } from '../api/my-work.js';
import { useSession } from '../api/session.js';
import { useT } from '../i18n/i18n.js';

/** In the header of a signed-in person: the notifications, with how many are unread. */
export function NotificationBell() {
  const t = useT();
  const session = useSession();
  const signedIn = Boolean(session.data?.user);
  const list = useNotifications(signedIn);
  if (!signedIn) return null;
  const unread = list.data?.unread ?? 0;
  return (
    <Anchor
      component={Link}
      to="/notifications"
      aria-label={t('work.bell.label', { count: unread })}
      data-testid="notification-bell"
      data-unread={unread}
      c="inherit"
      underline="never"
      fz="lg"
      pos="relative"
    >
      <span aria-hidden>🔔</span>
      {unread > 0 && (
        <Badge size="xs" color="red" variant="filled" circle pos="absolute" top={-6} right={-10}>
          {unread}
        </Badge>
      )}
    </Anchor>
  );
}
