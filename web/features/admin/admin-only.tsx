import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../../api/session.js';
import { Loading } from '../../components/query-state.js';
import { useT } from '../../i18n/i18n.js';

/** Administrators only (the server refuses the others anyway): others are told, the signed-out sent to sign in. */
export function AdminOnly({ children }: { children: ReactNode }) {
  const t = useT();
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Loading />;
  const user = session.data?.user;
  if (!user) return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname)}`} replace />;
  if (user.role !== 'admin')
    return (
      <Alert color="orange" role="alert">
        {t('admin.forbidden')}
      </Alert>
    );
  return children;
}
