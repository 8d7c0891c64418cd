// Active campaigns in priority order: schedule, channel, marks, offers, holdout and assigned segments; each row
// previews its message, and planners edit or archive it.
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n';
import { formatDate, formatDateRange, formatNumber } from '../../ui/format';
import { MarkBadges } from './MarkBadges';
import type { CampaignRow } from './useCampaigns';

interface Props {
  campaigns: CampaignRow[];
  canEdit: boolean;
  onEdit: (id: string) => void;
  onPreview: (id: string) => void;
  onArchive: (id: string) => void;
}

export function CampaignList({ campaigns, canEdit, onEdit, onPreview, onArchive }: Props) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  if (campaigns.length === 0) return <p className="muted">{t('campaigns.list.empty')}</p>;
  return (
    <div className="table-scroll">
      <table className="data-table campaign-table">
        <thead>
          <tr>
            <th scope="col">{t('campaigns.list.priority')}</th>
            <th scope="col">{t('campaigns.form.name')}</th>
            <th scope="col">{t('campaigns.form.goal')}</th>
            <th scope="col">{t('campaigns.form.channel')}</th>
            <th scope="col">{t('campaigns.list.schedule')}</th>
            <th scope="col">{t('campaigns.list.marks')}</th>
            <th scope="col">{t('campaigns.list.offers')}</th>
            <th scope="col">{t('campaigns.form.holdout')}</th>
            <th scope="col">{t('campaigns.list.segments')}</th>
            <th scope="col">{t('campaigns.list.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {campaigns.map((c) => (
            <tr key={c.id}>
              <td>{formatNumber(c.priority, locale)}</td>
              <th scope="row">{c.name}</th>
              <td>{t(`campaigns.goals.${c.goal}`)}</td>
              <td>{t(`campaigns.channels.${c.channel}`)}</td>
              <td>{c.endDate ? formatDateRange(c.startDate, c.endDate, locale) : t('campaigns.list.from', { date: formatDate(c.startDate, locale) })}</td>
              <td>
                <MarkBadges marks={c.marks} />
              </td>
              <td>{c.offers.map((o) => o.label).join(', ')}</td>
              <td>{formatNumber(c.holdoutPercent, locale)}%</td>
              <td>{formatNumber(c.assignedSegments, locale)}</td>
              <td>
                <div className="row-actions">
                  <button type="button" className="button button-small button-secondary" onClick={() => onPreview(c.id)} aria-label={t('campaigns.list.preview', { name: c.name })}>
                    {t('campaigns.list.previewShort')}
                  </button>
                  {canEdit ? (
                    <>
                      <button type="button" className="button button-small button-secondary" onClick={() => onEdit(c.id)} aria-label={t('campaigns.list.edit', { name: c.name })}>
                        {t('campaigns.list.editShort')}
                      </button>
                      <button type="button" className="button button-small button-secondary" onClick={() => onArchive(c.id)} aria-label={t('campaigns.list.archive', { name: c.name })}>
                        {t('campaigns.list.archiveShort')}
                      </button>
                    </>
                  ) : null}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
