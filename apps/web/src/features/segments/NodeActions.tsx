// The actions of a node, reachable by keyboard without dragging: move up or down, move to another group,
// negate, duplicate, delete.
import type { NodePath } from '@kizuna/segments';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBuilder } from './builderContext';
import { getNode, isWithin, listGroups, moveNode, parentOf, samePath } from './ruleTree';

export interface SiblingActions {
  index: number;
  count: number;
  remove: () => void;
  duplicate: () => void;
  moveUp: () => void;
  moveDown: () => void;
  /** Conditions: wrap in a negated group of one ("not …"). */
  negate: () => void;
}

export function NodeActions({ path, label, siblings, isCondition = false }: { path: NodePath; label: string; siblings: SiblingActions; isCondition?: boolean }) {
  const { t } = useTranslation();
  const builder = useBuilder();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  if (builder.readOnly) return null;

  // Reordering moves the node's DOM, which drops focus; put it back on the button for the next press.
  const keepFocus = (button: HTMLButtonElement, run: () => void) => {
    run();
    requestAnimationFrame(() => (button.disabled ? toggle.current : button)?.focus());
  };

  const rule = builder.getRule();
  const here = parentOf(path).group;
  const targets = open ? listGroups(rule).filter((g) => !samePath(g.path, here) && !isWithin(g.path, path)) : [];

  const moveTo = (value: string) => {
    const target = targets.find((g) => g.id === value);
    const node = getNode(rule, path);
    if (!target || !node) return;
    const group = getNode(rule, target.path);
    const result = moveNode(rule, path, target.path, group?.kind === 'group' ? group.children.length : 0);
    if (result) builder.replaceRule(result.rule, node.id);
  };

  return (
    <div
      className="node-actions"
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !open) return;
        e.stopPropagation();
        setOpen(false);
        toggle.current?.focus();
      }}
    >
      <button
        ref={toggle}
        type="button"
        className="icon-button"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((o) => !o)}
        aria-label={t('segments.builder.nodeActions', { name: label })}
        title={t('segments.builder.nodeActions', { name: label })}
      >
        ⋯
      </button>
      {open ? (
        <div
          id={menuId}
          className="node-actions-menu"
          role="group"
          aria-label={t('segments.builder.nodeActions', { name: label })}
        >
          <button type="button" className="button button-small button-secondary" onClick={(e) => keepFocus(e.currentTarget, siblings.moveUp)} disabled={siblings.index === 0}>
            {t('segments.builder.moveUp')}
          </button>
          <button
            type="button"
            className="button button-small button-secondary"
            onClick={(e) => keepFocus(e.currentTarget, siblings.moveDown)}
            disabled={siblings.index >= siblings.count - 1}
          >
            {t('segments.builder.moveDown')}
          </button>
          {targets.length > 0 ? (
            <select aria-label={t('segments.builder.moveTo')} value="" onChange={(e) => moveTo(e.target.value)} className="small-select">
              <option value="">{t('segments.builder.moveTo')}</option>
              {targets.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.depth === 0 ? t('segments.builder.rootGroup') : t('segments.builder.groupName', { number: g.number })}
                </option>
              ))}
            </select>
          ) : null}
          {isCondition ? (
            <button type="button" className="button button-small button-secondary" onClick={() => { setOpen(false); siblings.negate(); }}>
              {t('segments.builder.negate')}
            </button>
          ) : null}
          <button type="button" className="button button-small button-secondary" onClick={() => { setOpen(false); siblings.duplicate(); }}>
            {t('segments.builder.duplicate')}
          </button>
          <button type="button" className="button button-small button-danger" onClick={siblings.remove}>
            {t('segments.builder.delete')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
