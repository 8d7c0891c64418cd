// The template gallery: every idea of the seed table with its marks and segments; one click creates the
// campaign (and saves and assigns its segments, as the server does) starting on the given date.
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n';
import { ApiErrorNotice } from '../../ui/ApiErrorNotice';
import { Alert } from '../../ui/Alert';
import { isTemplateId } from './gallery';
import { MarkBadges } from './MarkBadges';
import { useCreateFromTemplate, type TemplateView } from './useCampaigns';

function useIdeaName() {
  const { t } = useTranslation();
  return {
    name: (tpl: TemplateView) => (isTemplateId(tpl.id) ? t(`campaigns.ideas.${tpl.id}`) : tpl.idea),
    description: (tpl: TemplateView) => (isTemplateId(tpl.id) ? t(`campaigns.ideaDescriptions.${tpl.id}`) : tpl.description),
  };
}

export function TemplateGallery({ templates, canEdit, startDate }: { templates: TemplateView[]; canEdit: boolean; startDate: string }) {
  const { t } = useTranslation();
  // The campaign's texts and its segments' names come in the language the planner works in.
  const { language } = useLanguage();
  const idea = useIdeaName();
  const create = useCreateFromTemplate();
  const created = create.data;
  return (
    <>
      {create.isError ? <ApiErrorNotice error={create.error} /> : null}
      {created ? (
        <Alert tone="success">
          {t('campaigns.gallery.created', { name: created.campaign.name, count: created.segments.length })}
        </Alert>
      ) : null}
      <ul className="template-grid" aria-label={t('campaigns.gallery.title')}>
        {templates.map((tpl) => (
          <li key={tpl.id} className="template-card" data-testid={`template-${tpl.id}`}>
            <h3>{idea.name(tpl)}</h3>
            <MarkBadges marks={tpl.marks} />
            <p className="muted">{idea.description(tpl)}</p>
            <p className="template-meta">
              {tpl.campaign.name} · {t(`campaigns.channels.${tpl.campaign.channel}`)}
            </p>
            {tpl.segments.length > 0 ? (
              <p className="template-meta">
                {t('campaigns.gallery.segments')}: {tpl.segments.map((s) => s.name).join(', ')}
              </p>
            ) : null}
            {canEdit ? (
              <button
                type="button"
                className="button button-small button-primary"
                disabled={create.isPending}
                aria-label={t('campaigns.gallery.use', { idea: idea.name(tpl) })}
                onClick={() => create.mutate({ templateId: tpl.id, startDate, createSegments: true, language })}
              >
                {t('campaigns.gallery.useShort')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
