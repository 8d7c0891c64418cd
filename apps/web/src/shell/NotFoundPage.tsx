// Any path we do not know.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageHeader } from '../ui/PageHeader';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('notFound.title')} description={t('notFound.body')} />
      <Link to="/">{t('notFound.home')}</Link>
    </>
  );
}
