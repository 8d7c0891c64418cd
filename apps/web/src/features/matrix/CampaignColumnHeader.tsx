// A campaign's column head: name, channel, its seed-table marks (✅) and its totals, conflicts and left-out count.
import { useTranslation } from 'react-i18next';
import { CheckMark } from '../../ui/CheckMark';
import type { MatrixColumn } from './matrixGrid';
import { useMatrixFormat } from './useMatrixFormat';

export function CampaignColumnHeader({ column }: { column: MatrixColumn }) {
  const { t } = useTranslation();
  const { num, money } = useMatrixFormat();
  const { totals } = column;
  return (
    <th scope="col" className="matrix-col" data-testid={`matrix-col-${column.id}`}>
      <div className="matrix-col-name">{column.name}</div>
      <div className="muted matrix-col-meta">
        {t('matrix.priority', { n: column.priority })} · {t(`matrix.channels.${column.channel}`)}
      </div>
      <ul className="matrix-marks" aria-label={t('matrix.marks.label')}>
        <li>
          {column.marks.segmentation ? <CheckMark /> : <span className="check-none" aria-hidden="true">—</span>} {t('matrix.marks.segmentation')}
          <span className="visually-hidden">: {column.marks.segmentation ? t('matrix.yes') : t('matrix.no')}</span>
        </li>
        <li>
          {column.marks.personalization ? <CheckMark /> : <span className="check-none" aria-hidden="true">—</span>} {t('matrix.marks.personalization')}
          <span className="visually-hidden">: {column.marks.personalization ? t('matrix.yes') : t('matrix.no')}</span>
        </li>
      </ul>
      <dl className="matrix-totals">
        <dt>{t('matrix.totals.reach')}</dt>
        <dd data-testid="campaign-reach">{num(totals.treatment)}</dd>
        <dt>{t('matrix.totals.targeted')}</dt>
        <dd>{num(totals.targeted)}</dd>
        <dt>{t('matrix.totals.conflicts')}</dt>
        <dd>{num(totals.conflicts)}</dd>
        <dt>{t('matrix.totals.leftOut')}</dt>
        <dd>{num(totals.leftOut)}</dd>
        <dt>{t('matrix.totals.cost')}</dt>
        <dd>{money(totals.estimatedCost)}</dd>
      </dl>
    </th>
  );
}
