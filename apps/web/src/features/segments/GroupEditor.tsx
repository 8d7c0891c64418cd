// One AND/OR group: its header (combinator, negation, count, actions), its children as a react-hook-form
// field array in a sortable list, a drop zone at its end, and the buttons that add a condition or a group.
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import type { Combinator, GroupNode, NodePath, RuleNode } from '@kizuna/segments';
import { useId, useRef } from 'react';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useBuilder } from './builderContext';
import { newCondition } from './fieldCatalog';
import type { BuilderValues } from './formValues';
import { CountBadge, IssueList, useFocusWhenAsked } from './NodeBits';
import type { SiblingActions } from './NodeActions';
import { NodeActions } from './NodeActions';
import { DROP_PREFIX } from './RuleEditor';
import { groupTitle } from './nodeNames';
import { cloneWithNewIds, formName, newNodeId } from './ruleTree';
import { SortableNode } from './SortableNode';

export function GroupEditor({ path, siblings }: { path: NodePath; siblings?: SiblingActions }) {
  const { t } = useTranslation();
  const builder = useBuilder();
  const { control, getValues, setValue } = useFormContext<BuilderValues>();
  const name = formName(path) as 'rule';
  const { fields, append, insert, remove, move, update } = useFieldArray({ control, name: `${name}.children`, keyName: 'key' });
  const combinator = useWatch({ control, name: `${name}.combinator` });
  const negate = useWatch({ control, name: `${name}.negate` }) ?? false;
  const id = useWatch({ control, name: `${name}.id` }) ?? '';
  const headingId = useId();
  const addButton = useRef<HTMLButtonElement>(null);
  const container = useRef<HTMLDivElement>(null);
  useFocusWhenAsked(id, container);
  const { setNodeRef, isOver } = useDroppable({ id: `${DROP_PREFIX}${id}`, disabled: builder.readOnly });

  const title = groupTitle(builder.book, builder.getRule(), id);

  const setCombinator = (value: Combinator) => setValue(`${name}.combinator`, value, { shouldDirty: true });
  const toggleNegate = () => setValue(`${name}.negate`, !negate, { shouldDirty: true });

  const childActions = (index: number): SiblingActions => {
    const childName = `${name}.children.${index}` as const;
    return {
      index,
      count: fields.length,
      remove: () => {
        remove(index);
        addButton.current?.focus();
      },
      duplicate: () => {
        const copy = cloneWithNewIds(getValues(childName) as RuleNode);
        insert(index + 1, copy as never);
        if (copy.id) builder.requestFocus(copy.id);
      },
      moveUp: () => index > 0 && move(index, index - 1),
      moveDown: () => index < fields.length - 1 && move(index, index + 1),
      negate: () => {
        const node = getValues(childName) as RuleNode;
        const wrapper: GroupNode = { kind: 'group', id: newNodeId(), combinator: 'and', negate: true, children: [node] };
        update(index, wrapper as never);
      },
    };
  };

  const addCondition = (event: React.MouseEvent<HTMLButtonElement>) => {
    builder.openPicker({
      returnFocus: event.currentTarget,
      onPick: (choice) => {
        const node = newCondition(choice, builder.fields.fields, builder.fields.eventTypes.map((e) => e.value), newNodeId());
        append(node as never);
        if (node.id) builder.requestFocus(node.id);
      },
    });
  };

  const addGroup = () => {
    const group: GroupNode = { kind: 'group', id: newNodeId(), combinator: combinator === 'and' ? 'or' : 'and', children: [] };
    append(group as never);
    if (group.id) builder.requestFocus(group.id);
  };

  return (
    <div ref={container} role="group" aria-labelledby={headingId} className={`rule-group depth-${Math.min(path.length / 2, 4)}${negate ? ' negated' : ''}`}>
      <div className="group-header">
        <span id={headingId} className="group-title">
          {title}
        </span>
        <fieldset className="combinator" disabled={builder.readOnly}>
          <legend className="visually-hidden">{t('segments.builder.combinatorLabel', { group: title })}</legend>
          {(['and', 'or'] as const).map((c) => (
            <label key={c} className={combinator === c ? 'selected' : undefined}>
              <input type="radio" name={`${id}-combinator`} value={c} checked={combinator === c} onChange={() => setCombinator(c)} />
              {t(c === 'and' ? 'segments.builder.combinatorAnd' : 'segments.builder.combinatorOr')}
            </label>
          ))}
        </fieldset>
        <label className="negate-toggle" title={t('segments.builder.negateHint')}>
          <input type="checkbox" checked={negate} onChange={toggleNegate} disabled={builder.readOnly} data-focus-id={id} />
          {t('segments.builder.negateGroup')}
          <span className="visually-hidden"> {t('segments.builder.negateHint')}</span>
        </label>
        <CountBadge id={id} />
        {siblings ? <NodeActions path={path} label={title} siblings={siblings} /> : null}
      </div>
      <IssueList path={path} />
      <SortableContext items={fields.map((f) => f.id ?? f.key)} strategy={verticalListSortingStrategy}>
        <ol className="group-children">
          {fields.map((f, i) => (
            <SortableNode key={f.id ?? f.key} id={f.id ?? f.key} path={[...path, 'children', i]} siblings={childActions(i)} />
          ))}
        </ol>
      </SortableContext>
      <div ref={setNodeRef} className={`drop-zone${isOver ? ' over' : ''}${fields.length === 0 ? ' empty' : ''}`}>
        {fields.length === 0 ? t('segments.builder.emptyGroup') : null}
      </div>
      {builder.readOnly ? null : (
        <div className="group-footer">
          <button ref={addButton} type="button" className="button button-secondary button-small" onClick={addCondition}>
            {t('segments.builder.addCondition')}
            <span className="visually-hidden"> ({title})</span>
          </button>
          <button type="button" className="button button-secondary button-small" onClick={addGroup}>
            {t('segments.builder.addGroup')}
            <span className="visually-hidden"> ({title})</span>
          </button>
        </div>
      )}
    </div>
  );
}
