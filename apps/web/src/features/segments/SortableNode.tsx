// A child of a group in the sortable list: its drag handle (pointer or keyboard: Space, arrows, Space)
// and the node itself, a nested group or a condition.
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { NodePath, RuleNode } from '@kizuna/segments';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useBuilder } from './builderContext';
import { ConditionRow } from './ConditionRow';
import type { BuilderValues } from './formValues';
import { GroupEditor } from './GroupEditor';
import type { SiblingActions } from './NodeActions';
import { conditionSubject, groupTitle } from './nodeNames';
import { formName } from './ruleTree';

export function SortableNode({ id, path, siblings }: { id: string; path: NodePath; siblings: SiblingActions }) {
  const { t } = useTranslation();
  const { readOnly, book, getRule } = useBuilder();
  const { control } = useFormContext<BuilderValues>();
  const node = useWatch({ control, name: formName(path) as 'rule.children.0' }) as RuleNode;
  const name =
    node.kind === 'group'
      ? groupTitle(book, getRule(), node.id)
      : t('segments.builder.conditionName', { number: siblings.index + 1, subject: conditionSubject(book, node) });
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id, disabled: readOnly });
  const style = { transform: CSS.Translate.toString(transform), transition };
  return (
    <li ref={setNodeRef} style={style} className={`rule-node${isDragging ? ' dragging' : ''}`} data-node-id={id}>
      {readOnly ? null : (
        <button
          type="button"
          ref={setActivatorNodeRef}
          className="drag-handle"
          aria-label={t('segments.builder.dragHandle', { name })}
          title={t('segments.builder.dragHandle', { name })}
          {...attributes}
          {...listeners}
        >
          ⠿
        </button>
      )}
      <div className="rule-node-body">
        {node.kind === 'group' ? <GroupEditor path={path} siblings={siblings} /> : <ConditionRow path={path} siblings={siblings} />}
      </div>
    </li>
  );
}
