// Guards the signed-in pages: waits for auth.me, sends strangers to /login (remembering where they were going).
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { ApiErrorNotice } from '../../ui/ApiErrorNotice';
import { Loading } from '../../ui/Loading';
import { SessionContext, useSessionQuery } from './useSession';

export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSessionQuery();
  const location = useLocation();

  if (session.isPending) {
    return (
      <div className="center-screen">
        <Loading />
      </div>
    );
  }
  if (session.isError) {
    return (
      <div className="center-screen">
        <ApiErrorNotice error={session.error} />
      </div>
    );
  }
  if (!session.data) {
    const from = `${location.pathname}${location.search}`;
    return <Navigate to="/login" replace state={{ from }} />;
  }
  return <SessionContext value={session.data}>{children}</SessionContext>;
}
