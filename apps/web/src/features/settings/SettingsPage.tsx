// Settings: the workspace form (admins edit, others read) and, for admins, the users.
import { useTranslation } from 'react-i18next';
import { ApiErrorNotice } from '../../ui/ApiErrorNotice';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { useCurrentUser } from '../auth/useSession';
import { useSettings } from './useSettings';
import { UsersSection } from './UsersSection';
import { WorkspaceSettingsForm } from './WorkspaceSettingsForm';

export function SettingsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const settings = useSettings();
  const isAdmin = user.role === 'admin';
  return (
    <>
      <PageHeader title={t('nav.settings')} description={isAdmin ? t('settings.descriptionAdmin') : t('settings.description')} />
      <section className="panel" aria-labelledby="workspace-heading">
        <h2 id="workspace-heading">{t('settings.workspace')}</h2>
        {settings.isError ? <ApiErrorNotice error={settings.error} /> : null}
        {settings.data ? <WorkspaceSettingsForm settings={settings.data} canEdit={isAdmin} /> : null}
        {settings.isPending ? <Loading /> : null}
      </section>
      {isAdmin ? <UsersSection currentUserId={user.id} /> : null}
    </>
  );
}
