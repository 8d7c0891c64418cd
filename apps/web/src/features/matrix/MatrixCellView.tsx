// One segment × campaign cell: the offer variant (or none), the final reach, what each step removed, the
// estimated cost and CSV links for the audience and the holdout. Read-only roles see the same numbers.
import { useTranslation } from 'react-i18next';
import type { MatrixCell, MatrixColumn, MatrixSegment } from './matrixGrid';
import { exportCellUrl, removalSteps } from './matrixGrid';
import { useMatrixFormat } from './useMatrixFormat';

interface Props {
  column: MatrixColumn;
  segment: MatrixSegment;
  cell: MatrixCell | null;
  canEdit: boolean;
  busy: boolean;
  onChange: (offerId: string | null) => void;
}

export function MatrixCellView({ column, segment, cell, canEdit, busy, onChange }: Props) {
  const { t } = useTranslation();
  const { num, money } = useMatrixFormat();
  const where = { campaign: column.name, segment: segment.name };
  const assignable = segment.status === 'live' || cell !== null;
  return (
    <td className={cell ? 'matrix-cell matrix-cell-on' : 'matrix-cell'}>
      {canEdit && assignable ? (
        <select
          aria-label={t('matrix.cell.offer', where)}
          value={cell?.offerId ?? ''}
          disabled={busy}
          onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
        >
          <option value="">{t('matrix.cell.none')}</option>
          {column.offers.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
      ) : cell ? (
        <div className="matrix-offer">{column.offers.find((o) => o.id === cell.offerId)?.label ?? cell.offerId}</div>
      ) : (
        <span className="muted" aria-label={t('matrix.cell.notAssigned', where)}>
          —
        </span>
      )}
      {cell ? (
        cell.status === 'ok' ? (
          <div data-testid={`cell-${column.id}-${segment.id}`}>
            <div className="matrix-reach">
              <span className="visually-hidden">{t('matrix.cell.reach')} </span>
              <strong data-testid="cell-reach">{num(cell.treatment)}</strong>
              <span className="muted"> / {num(cell.members)}</span>
            </div>
            <ul className="matrix-steps" aria-label={t('matrix.cell.steps', where)}>
              {removalSteps(cell).map((s) => (
                <li key={s.step}>
                  {t(`matrix.steps.${s.step}`)} <span className="nowrap">−{num(s.count)}</span>
                </li>
              ))}
            </ul>
            <div className="matrix-cost">{t('matrix.cell.cost', { cost: money(cell.estimatedCost) })}</div>
            <div className="matrix-exports">
              <a href={exportCellUrl(column.id, segment.id, 'treatment')} download aria-label={t('matrix.cell.exportAudience', where)}>
                {t('matrix.cell.csv')}
              </a>
              <a href={exportCellUrl(column.id, segment.id, 'holdout')} download aria-label={t('matrix.cell.exportHoldout', where)}>
                {t('matrix.cell.holdoutCsv')}
              </a>
            </div>
          </div>
        ) : (
          <p className="field-error">{t(`matrix.status.${cell.status}`)}</p>
        )
      ) : null}
    </td>
  );
}
