// The signed-in frame: skip link, header, left navigation and the page in <main>.
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router-dom';
import { useSessionExpiry } from '../features/auth/useSession';
import { Loading } from '../ui/Loading';
import { Header } from './Header';
import { SideNav } from './SideNav';
import { useDocumentTitle } from './useDocumentTitle';

export function AppLayout() {
  const { t } = useTranslation();
  useSessionExpiry();
  useDocumentTitle();
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Header />
      <div className="app-body">
        <SideNav />
        <main id="main" className="app-main" tabIndex={-1}>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </main>
      </div>
    </div>
  );
}
