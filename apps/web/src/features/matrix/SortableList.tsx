// A list reordered by drag (mouse, touch or keyboard: space, arrows, space) or by up/down buttons, used for
// both priorities of the matrix: segments within a campaign and the campaigns themselves.
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
import { moveBy, moveId } from './matrixGrid';

export interface SortableItem {
  id: string;
  name: string;
}

interface Props {
  items: readonly SortableItem[];
  /** The list's accessible name. */
  label: string;
  /** What the screen reader is told before a drag: which keys pick up, move and drop an item. */
  instructions: string;
  canEdit: boolean;
  busy: boolean;
  onReorder: (ids: string[]) => void;
}

function SortableRow({ item, index, count, canEdit, busy, onMove }: {
  item: SortableItem;
  index: number;
  count: number;
  canEdit: boolean;
  busy: boolean;
  onMove: (delta: -1 | 1) => void;
}) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: item.id, disabled: !canEdit || busy });
  const style = { transform: CSS.Transform.toString(transform), transition };
  const { name } = item;
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

export function SortableList({ items, label, instructions, canEdit, busy, onReorder }: Props) {
  const { t } = useTranslation();
  const sensors = useSensors(useSensor(PointerSensor), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const order = items.map((i) => i.id);
  const names = new Map(items.map((i) => [i.id, i.name]));
  const name = (id: UniqueIdentifier) => names.get(String(id)) ?? String(id);
  const position = (id: UniqueIdentifier) => order.indexOf(String(id)) + 1;
  const count = order.length;
  // Spoken by dnd-kit's live region: names and positions rather than internal ids.
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('matrix.dnd.picked', { name: name(active.id), position: position(active.id), count }),
    onDragOver: ({ active, over }) =>
      over ? t('matrix.dnd.over', { name: name(active.id), position: position(over.id), count }) : t('matrix.dnd.outside', { name: name(active.id) }),
    onDragEnd: ({ active, over }) =>
      over ? t('matrix.dnd.dropped', { name: name(active.id), position: position(over.id), count }) : t('matrix.dnd.cancelled', { name: name(active.id) }),
    onDragCancel: ({ active }) => t('matrix.dnd.cancelled', { name: name(active.id) }),
  };
  const onDragEnd = (e: DragEndEvent) => {
    if (!e.over || e.active.id === e.over.id) return;
    onReorder(moveId(order, String(e.active.id), String(e.over.id)));
  };
  return (
    <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd} accessibility={{ announcements, screenReaderInstructions: { draggable: instructions } }}>
      <SortableContext items={order} strategy={verticalListSortingStrategy}>
        <ol className="priority-list" aria-label={label}>
          {items.map((item, i) => (
            <SortableRow key={item.id} item={item} index={i} count={count} canEdit={canEdit} busy={busy} onMove={(delta) => onReorder(moveBy(order, item.id, delta))} />
          ))}
        </ol>
      </SortableContext>
    </DndContext>
  );
}
