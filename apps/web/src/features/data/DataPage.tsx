// Data: what the workspace holds, the import form for admins, and the import history.
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../ui/PageHeader';
import { useCurrentUser } from '../auth/useSession';
import { DatasetSummary } from './DatasetSummary';
import { ImportPanel } from './ImportPanel';
import { RecentImports } from './RecentImports';

export function DataPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const isAdmin = user.role === 'admin';
  return (
    <>
      <PageHeader title={t('nav.data')} description={isAdmin ? t('data.descriptionAdmin') : t('data.description')} />
      <DatasetSummary />
      {isAdmin ? <ImportPanel /> : null}
      {isAdmin ? <RecentImports /> : null}
    </>
  );
}
