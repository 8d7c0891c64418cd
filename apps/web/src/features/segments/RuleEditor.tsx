// The rule tree: drag and drop (pointer and keyboard) across all groups, with the root group inside.
// Moves are whole-tree edits through the builder's history; dropping on a group's end zone appends to it.
import type { CollisionDetection, DragEndEvent, DragStartEvent } from '@dnd-kit/core';
import { closestCenter, DndContext, DragOverlay, KeyboardSensor, pointerWithin, PointerSensor, useSensor, useSensors } from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import type { RuleNode } from '@kizuna/segments';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBuilder } from './builderContext';
import { GroupEditor } from './GroupEditor';
import { conditionSentence, groupPhrase } from './ruleSentence';
import { findPathById, getNode, moveNode, parentOf, samePath } from './ruleTree';

export const DROP_PREFIX = 'drop:';

/**
 * Groups nest, so several targets lie under the pointer: the innermost (smallest) one wins, which makes a
 * group's end zone or a condition inside a group beat the group itself. Keyboard moves have no pointer and
 * fall back to the closest centre.
 */
const innermostUnderPointer: CollisionDetection = (args) => {
  const within = pointerWithin(args);
  if (within.length === 0) return closestCenter(args);
  const area = (id: string | number) => {
    const rect = args.droppableRects.get(id);
    return rect ? rect.width * rect.height : Infinity;
  };
  return [...within].sort((a, b) => area(a.id) - area(b.id));
};

/** Memoized: it takes no props and re-renders through the form and the builder's contexts only. */
export const RuleEditor = memo(function RuleEditor() {
  const { t } = useTranslation();
  const builder = useBuilder();
  const [dragging, setDragging] = useState<RuleNode | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const describe = (node: RuleNode) =>
    node.kind === 'group' ? groupPhrase(builder.book, node.combinator, node.negate ?? false) : conditionSentence(builder.book, node);

  const onDragStart = ({ active }: DragStartEvent) => {
    const rule = builder.getRule();
    const path = findPathById(rule, String(active.id));
    setDragging(path ? (getNode(rule, path) ?? null) : null);
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragging(null);
    if (!over || active.id === over.id) return;
    const rule = builder.getRule();
    const from = findPathById(rule, String(active.id));
    if (!from) return;
    const overId = String(over.id);
    let result: ReturnType<typeof moveNode> = null;
    if (overId.startsWith(DROP_PREFIX)) {
      const group = findPathById(rule, overId.slice(DROP_PREFIX.length));
      const node = group ? getNode(rule, group) : undefined;
      if (group && node?.kind === 'group') result = moveNode(rule, from, group, node.children.length);
    } else {
      const to = findPathById(rule, overId);
      if (!to || to.length === 0) return;
      const target = parentOf(to);
      const source = parentOf(from);
      // Within one list, the dragged node takes the place of the one it is over (as arrayMove does).
      const index = samePath(source.group, target.group) && target.index > source.index ? target.index + 1 : target.index;
      result = moveNode(rule, from, target.group, index);
    }
    if (result) builder.replaceRule(result.rule, String(active.id));
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={innermostUnderPointer}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={() => setDragging(null)}
      accessibility={{
        screenReaderInstructions: { draggable: t('segments.builder.dragInstructions') },
        announcements: {
          onDragStart: () => t('segments.builder.dragStarted'),
          onDragOver: () => t('segments.builder.dragOver'),
          onDragEnd: ({ over }) => (over ? t('segments.builder.dragDropped') : t('segments.builder.dragCancelled')),
          onDragCancel: () => t('segments.builder.dragCancelled'),
        },
      }}
    >
      <GroupEditor path={[]} />
      <DragOverlay>{dragging ? <div className="drag-overlay">{describe(dragging)}</div> : null}</DragOverlay>
    </DndContext>
  );
});
