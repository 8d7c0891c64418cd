// Keeps the tab title "<page> · Kizuna" in step with the route and language, and moves focus to <main> on
// navigation so keyboard and screen-reader users start at the new page's content.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router-dom';
import { pageKeyForPath } from './routes';

export function useDocumentTitle(): void {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const first = useRef(true);

  useEffect(() => {
    const key = pageKeyForPath(pathname);
    document.title = key ? `${t(`nav.${key}`)} · ${t('app.name')}` : t('app.name');
  }, [pathname, t]);

  useEffect(() => {
    // Not on first load: the browser's own initial focus is right there.
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [pathname]);
}
