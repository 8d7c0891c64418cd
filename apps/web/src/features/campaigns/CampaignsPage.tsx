// Campaigns page: the active campaigns, one form to write a new one or edit a saved one (with its preview), a
// preview of any saved campaign, and the template gallery. Planners and admins change campaigns; others read.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { ApiErrorNotice } from '../../ui/ApiErrorNotice';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { useCurrentUser } from '../auth/useSession';
import { canEditMatrix } from '../matrix/matrixGrid';
import { useWorkspaceSummary } from '../workspace/useWorkspaceSummary';
import { assignedSegments } from './campaignEdit';
import { CampaignForm } from './CampaignForm';
import { CampaignList } from './CampaignList';
import { PreviewPanel } from './PreviewPanel';
import { TemplateGallery } from './TemplateGallery';
import type { CampaignRow } from './useCampaigns';
import { useArchiveCampaign, useCampaignList, useMatrixAssignments, useTemplates } from './useCampaigns';
import './campaigns.css';

/** What the page shows below the list: nothing, the form (new or editing a campaign), or a saved campaign's preview. */
type Panel = null | { kind: 'new' } | { kind: 'edit'; id: string } | { kind: 'preview'; id: string };

/** Brings an opened panel into view (the list can be long). */
const scrollIntoView = (el: HTMLElement | null) => el?.scrollIntoView({ block: 'start' });

export function CampaignsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const canEdit = canEditMatrix(user.role);
  const list = useCampaignList();
  const { language } = useLanguage();
  const templates = useTemplates(language);
  const archive = useArchiveCampaign();
  const asOf = useWorkspaceSummary().data?.asOfDate;
  const [panel, setPanel] = useState<Panel>(null);
  const [saved, setSaved] = useState<{ name: string; created: boolean } | null>(null);
  // A campaign archived (or gone) meanwhile closes its panel.
  const opened: CampaignRow | undefined = panel && panel.kind !== 'new' ? list.data?.find((c) => c.id === panel.id) : undefined;
  const open = (next: Panel) => {
    setSaved(null);
    setPanel(next);
  };

  return (
    <>
      <PageHeader title={t('nav.campaigns')} description={t('campaigns.description')} />
      {!canEdit ? <Alert tone="info">{t('campaigns.readOnly')}</Alert> : null}
      <section className="panel" aria-labelledby="campaign-list-heading">
        <div className="section-head">
          <h2 id="campaign-list-heading">{t('campaigns.list.title')}</h2>
          {canEdit && panel?.kind !== 'new' ? (
            <button type="button" className="button button-primary" onClick={() => open({ kind: 'new' })}>
              {t('campaigns.list.new')}
            </button>
          ) : null}
        </div>
        {saved ? <Alert tone="success">{t(saved.created ? 'campaigns.form.saved' : 'campaigns.form.updated', { name: saved.name })}</Alert> : null}
        {list.isPending ? <Loading /> : null}
        {list.isError ? <ApiErrorNotice error={list.error} /> : null}
        {archive.isError ? <ApiErrorNotice error={archive.error} /> : null}
        {list.data ? (
          <CampaignList
            campaigns={list.data}
            canEdit={canEdit}
            onEdit={(id) => open({ kind: 'edit', id })}
            onPreview={(id) => open({ kind: 'preview', id })}
            onArchive={(id) => archive.mutate({ id, archived: true })}
          />
        ) : null}
      </section>
      {(panel?.kind === 'new' && asOf) || (panel?.kind === 'edit' && opened) ? (
        <section className="panel" aria-labelledby="campaign-form-heading" ref={scrollIntoView}>
          <div className="section-head">
            <h2 id="campaign-form-heading">{opened ? t('campaigns.form.editTitle', { name: opened.name }) : t('campaigns.form.title')}</h2>
            <button type="button" className="button button-secondary" onClick={() => setPanel(null)}>
              {t('campaigns.form.cancel')}
            </button>
          </div>
          <CampaignForm
            key={opened?.id ?? 'new'}
            mode={opened ? { kind: 'edit', campaign: opened } : { kind: 'create', startDate: asOf ?? '' }}
            onDone={(name) => {
              setSaved({ name, created: !opened });
              setPanel(null);
            }}
          />
        </section>
      ) : null}
      {panel?.kind === 'preview' && opened ? <SavedPreview key={opened.id} campaign={opened} onClose={() => setPanel(null)} /> : null}
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

/** A saved campaign rendered as stored, for its whole target or one of its assigned segments. */
function SavedPreview({ campaign, onClose }: { campaign: CampaignRow; onClose: () => void }) {
  const { t } = useTranslation();
  const matrix = useMatrixAssignments();
  return (
    <div className="saved-preview" ref={scrollIntoView}>
      <PreviewPanel
        source={{ kind: 'saved', campaignId: campaign.id }}
        segments={assignedSegments(matrix.data, campaign.id)}
        title={t('campaigns.preview.savedTitle', { name: campaign.name })}
        onClose={onClose}
      />
    </div>
  );
}
