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
      {/* an icon, not the emoji: field laptops often have no emoji font (a box was shown) */}
      <svg
        aria-hidden
        width="18"
        height="18"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
      >
        <path d="M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.7 21a2 2 0 0 1-3.4 0" />
      </svg>
      {unread > 0 && (
        <Badge size="xs" color="red" variant="filled" circle pos="absolute" top={-6} right={-10}>
          {unread}
        </Badge>
      )}
    </Anchor>
  );
}
