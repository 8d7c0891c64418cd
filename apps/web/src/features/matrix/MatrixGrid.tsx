// The segment × campaign grid: campaign heads with marks and totals, one row per segment.
import { useTranslation } from 'react-i18next';
import { CampaignColumnHeader } from './CampaignColumnHeader';
import type { MatrixView } from './matrixGrid';
import { toGridRows } from './matrixGrid';
import { MatrixCellView } from './MatrixCellView';
import { useMatrixFormat } from './useMatrixFormat';

interface Props {
  view: MatrixView;
  canEdit: boolean;
  busy: boolean;
  onCellChange: (campaignId: string, segmentId: string, offerId: string | null) => void;
}

export function MatrixGrid({ view, canEdit, busy, onCellChange }: Props) {
  const { t } = useTranslation();
  const { num } = useMatrixFormat();
  const rows = toGridRows(view);
  return (
    <div className="table-scroll matrix-scroll">
      <table className="data-table matrix-table">
        <caption className="visually-hidden">{t('matrix.caption')}</caption>
        <thead>
          <tr>
            <th scope="col" className="matrix-corner">
              {t('matrix.segment')}
            </th>
            {view.campaigns.map((c) => (
              <CampaignColumnHeader key={c.id} column={c} />
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ segment, cells }) => (
            <tr key={segment.id}>
              <th scope="row" className="matrix-row-head">
                <div>{segment.name}</div>
                <div className="muted">
                  {segment.size === null ? t(`matrix.segmentStatus.${segment.status}`) : t('matrix.members', { count: segment.size, n: num(segment.size) })}
                </div>
              </th>
              {view.campaigns.map((c, i) => (
                <MatrixCellView
                  key={c.id}
                  column={c}
                  segment={segment}
                  cell={cells[i] ?? null}
                  canEdit={canEdit}
                  busy={busy}
                  onChange={(offerId) => onCellChange(c.id, segment.id, offerId)}
                />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
