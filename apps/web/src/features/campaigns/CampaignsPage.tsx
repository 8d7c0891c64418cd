// Campaigns page: the active campaigns, a form for a new one with its preview, and the template gallery.
// Planners and admins create and archive; other roles read.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../ui/Alert';
import { ApiErrorNotice } from '../../ui/ApiErrorNotice';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { useCurrentUser } from '../auth/useSession';
import { canEditMatrix } from '../matrix/matrixGrid';
import { useWorkspaceSummary } from '../workspace/useWorkspaceSummary';
import { CampaignForm } from './CampaignForm';
import { CampaignList } from './CampaignList';
import { TemplateGallery } from './TemplateGallery';
import { useArchiveCampaign, useCampaignList, useTemplates } from './useCampaigns';
import './campaigns.css';

export function CampaignsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const canEdit = canEditMatrix(user.role);
  const list = useCampaignList();
  const templates = useTemplates();
  const archive = useArchiveCampaign();
  const asOf = useWorkspaceSummary().data?.asOfDate;
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);

  return (
    <>
      <PageHeader title={t('nav.campaigns')} description={t('campaigns.description')} />
      {!canEdit ? <Alert tone="info">{t('campaigns.readOnly')}</Alert> : null}
      <section className="panel" aria-labelledby="campaign-list-heading">
        <div className="section-head">
          <h2 id="campaign-list-heading">{t('campaigns.list.title')}</h2>
          {canEdit && !editing ? (
            <button type="button" className="button button-primary" onClick={() => setEditing(true)}>
              {t('campaigns.list.new')}
            </button>
          ) : null}
        </div>
        {saved ? <Alert tone="success">{t('campaigns.form.saved', { name: saved })}</Alert> : null}
        {list.isPending ? <Loading /> : null}
        {list.isError ? <ApiErrorNotice error={list.error} /> : null}
        {archive.isError ? <ApiErrorNotice error={archive.error} /> : null}
        {list.data ? <CampaignList campaigns={list.data} canEdit={canEdit} onArchive={(id) => archive.mutate({ id, archived: true })} /> : null}
      </section>
      {editing && asOf ? (
        <section className="panel" aria-labelledby="campaign-form-heading">
          <div className="section-head">
            <h2 id="campaign-form-heading">{t('campaigns.form.title')}</h2>
            <button type="button" className="button button-secondary" onClick={() => setEditing(false)}>
              {t('campaigns.form.cancel')}
            </button>
          </div>
          <CampaignForm
            startDate={asOf}
            onDone={(name) => {
              setSaved(name);
              setEditing(false);
            }}
          />
        </section>
      ) : null}
      <section className="panel" aria-labelledby="gallery-heading">
        <h2 id="gallery-heading">{t('campaigns.gallery.title')}</h2>
        <p className="muted">{t('campaigns.gallery.hint')}</p>
        {templates.isPending ? <Loading /> : null}
        {templates.isError ? <ApiErrorNotice error={templates.error} /> : null}
        {templates.data && asOf ? <TemplateGallery templates={templates.data} canEdit={canEdit} startDate={asOf} /> : null}
      </section>
    </>
  );
}
