// One campaign's segment priority: drag a row (mouse, touch or keyboard: space, arrows, space) or use the
// up/down buttons; the first segment keeps a customer who is in several of the campaign's segments.
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useTranslation } from 'react-i18next';
import type { MatrixColumn, MatrixSegment } from './matrixGrid';
import { moveBy, moveId } from './matrixGrid';

interface Props {
  column: MatrixColumn;
  segments: ReadonlyMap<string, MatrixSegment>;
  canEdit: boolean;
  busy: boolean;
  onReorder: (segmentIds: string[]) => void;
}

function SortableSegment({ id, name, index, count, canEdit, busy, onMove }: {
  id: string;
  name: string;
  index: number;
  count: number;
  canEdit: boolean;
  busy: boolean;
  onMove: (delta: -1 | 1) => void;
}) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id, disabled: !canEdit || busy });
  const style = { transform: CSS.Transform.toString(transform), transition };
  return (
    <li ref={setNodeRef} style={style} className={isDragging ? 'priority-item dragging' : 'priority-item'} data-testid="priority-item">
      {canEdit ? (
        <button type="button" className="drag-handle" aria-label={t('matrix.priorityList.drag', { name })} {...attributes} {...listeners}>
          ⠿
        </button>
      ) : null}
      <span className="priority-rank">{index + 1}.</span>
      <span className="priority-name">{name}</span>
      {canEdit ? (
        <span className="priority-buttons">
          <button type="button" className="button button-small button-secondary" disabled={busy || index === 0} onClick={() => onMove(-1)} aria-label={t('matrix.priorityList.up', { name })}>
            ↑
          </button>
          <button type="button" className="button button-small button-secondary" disabled={busy || index === count - 1} onClick={() => onMove(1)} aria-label={t('matrix.priorityList.down', { name })}>
            ↓
          </button>
        </span>
      ) : null}
    </li>
  );
}

export function PriorityList({ column, segments, canEdit, busy, onReorder }: Props) {
  const { t } = useTranslation();
  const sensors = useSensors(useSensor(PointerSensor), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const order = column.segmentOrder;
  const name = (id: UniqueIdentifier) => segments.get(String(id))?.name ?? String(id);
  const position = (id: UniqueIdentifier) => order.indexOf(String(id)) + 1;
  // Spoken by dnd-kit's live region: segment names and positions rather than internal ids.
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('matrix.dnd.picked', { name: name(active.id), position: position(active.id), count: order.length }),
    onDragOver: ({ active, over }) =>
      over ? t('matrix.dnd.over', { name: name(active.id), position: position(over.id), count: order.length }) : t('matrix.dnd.outside', { name: name(active.id) }),
    onDragEnd: ({ active, over }) =>
      over ? t('matrix.dnd.dropped', { name: name(active.id), position: position(over.id), count: order.length }) : t('matrix.dnd.cancelled', { name: name(active.id) }),
    onDragCancel: ({ active }) => t('matrix.dnd.cancelled', { name: name(active.id) }),
  };
  const onDragEnd = (e: DragEndEvent) => {
    if (!e.over || e.active.id === e.over.id) return;
    onReorder(moveId(order, String(e.active.id), String(e.over.id)));
  };
  return (
    <section className="priority-card" aria-labelledby={`priority-${column.id}`}>
      <h3 id={`priority-${column.id}`}>{t('matrix.priorityList.title', { name: column.name })}</h3>
      {order.length === 0 ? (
        <p className="muted">{t('matrix.priorityList.empty')}</p>
      ) : (
        <DndContext
          sensors={sensors}
          collisionDetection={closestCenter}
          onDragEnd={onDragEnd}
          accessibility={{ announcements, screenReaderInstructions: { draggable: t('matrix.dnd.instructions') } }}
        >
          <SortableContext items={order} strategy={verticalListSortingStrategy}>
            <ol className="priority-list" aria-label={t('matrix.priorityList.title', { name: column.name })}>
              {order.map((id, i) => (
                <SortableSegment
                  key={id}
                  id={id}
                  name={segments.get(id)?.name ?? id}
                  index={i}
                  count={order.length}
                  canEdit={canEdit}
                  busy={busy}
                  onMove={(delta) => onReorder(moveBy(order, id, delta))}
                />
              ))}
            </ol>
          </SortableContext>
        </DndContext>
      )}
    </section>
  );
}
