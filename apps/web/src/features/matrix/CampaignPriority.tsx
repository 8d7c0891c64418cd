// The campaigns in priority order: when the weekly frequency cap is reached, the customer stays with the
// higher campaign and lower ones lose them first. Planners and admins reorder; others read.
import { useTranslation } from 'react-i18next';
import type { MatrixColumn } from './matrixGrid';
import { SortableList } from './SortableList';

interface Props {
  campaigns: readonly MatrixColumn[];
  canEdit: boolean;
  busy: boolean;
  onReorder: (campaignIds: string[]) => void;
}

export function CampaignPriority({ campaigns, canEdit, busy, onReorder }: Props) {
  const { t } = useTranslation();
  const items = campaigns.map((c) => ({ id: c.id, name: c.name }));
  return (
    <section className="panel" aria-labelledby="campaign-priority-heading">
      <h2 id="campaign-priority-heading">{t('matrix.campaignPriority.title')}</h2>
      <p className="muted">{t('matrix.campaignPriority.hint')}</p>
      <div className="campaign-priority">
        <SortableList
          items={items}
          label={t('matrix.campaignPriority.list')}
          instructions={t('matrix.dnd.instructionsCampaign')}
          canEdit={canEdit}
          busy={busy}
          onReorder={onReorder}
        />
      </div>
    </section>
  );
}
