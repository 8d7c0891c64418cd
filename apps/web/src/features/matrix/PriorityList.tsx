// One campaign's segment priority: the first segment keeps a customer who is in several of the campaign's
// segments. Reordered through the shared SortableList.
import { useTranslation } from 'react-i18next';
import type { MatrixColumn, MatrixSegment } from './matrixGrid';
import { SortableList } from './SortableList';

interface Props {
  column: MatrixColumn;
  segments: ReadonlyMap<string, MatrixSegment>;
  canEdit: boolean;
  busy: boolean;
  onReorder: (segmentIds: string[]) => void;
}

export function PriorityList({ column, segments, canEdit, busy, onReorder }: Props) {
  const { t } = useTranslation();
  const items = column.segmentOrder.map((id) => ({ id, name: segments.get(id)?.name ?? id }));
  const title = t('matrix.priorityList.title', { name: column.name });
  return (
    <section className="priority-card" aria-labelledby={`priority-${column.id}`}>
      <h3 id={`priority-${column.id}`}>{title}</h3>
      {items.length === 0 ? (
        <p className="muted">{t('matrix.priorityList.empty')}</p>
      ) : (
        <SortableList items={items} label={title} instructions={t('matrix.dnd.instructions')} canEdit={canEdit} busy={busy} onReorder={onReorder} />
      )}
    </section>
  );
}
