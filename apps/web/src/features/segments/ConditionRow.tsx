// One condition: its editor (by kind), the sentence it reads as, its count badge, actions and problems.
import type { ConditionNode, NodePath } from '@kizuna/segments';
import { assertNever } from '@kizuna/segments';
import { memo, useCallback, useRef } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useBuilder, useFigures } from './builderContext';
import { BehaviourEditor } from './editors/BehaviourEditor';
import { FieldConditionEditor } from './editors/FieldConditionEditor';
import { ReachabilityEditor, SegmentRefEditor } from './editors/ReferenceEditors';
import type { BuilderValues } from './formValues';
import type { SiblingActions } from './NodeActions';
import { NodeActions } from './NodeActions';
import { CountBadge, IssueList, useFocusWhenAsked } from './NodeBits';
import { conditionSubject } from './nodeNames';
import { conditionSentence } from './ruleSentence';
import { formName, pathKey } from './ruleTree';

export interface EditorProps<T extends ConditionNode> {
  node: T;
  onChange: (next: ConditionNode) => void;
  /** Names the condition in control labels ("Age: operator"). */
  label: string;
  path: NodePath;
}

function Editor({ node, onChange, label, path }: EditorProps<ConditionNode>) {
  switch (node.kind) {
    case 'attribute':
    case 'computed':
      return <FieldConditionEditor node={node} onChange={onChange} label={label} path={path} />;
    case 'behaviour':
      return <BehaviourEditor node={node} onChange={onChange} label={label} path={path} />;
    case 'segment':
      return <SegmentRefEditor node={node} onChange={onChange} label={label} path={path} />;
    case 'reachability':
      return <ReachabilityEditor node={node} onChange={onChange} label={label} path={path} />;
    default:
      return assertNever(node);
  }
}

// Re-rendered only when the condition itself changes, not on every new preview figure.
const MemoEditor = memo(Editor, (a, b) => a.node === b.node && a.onChange === b.onChange && a.label === b.label && pathKey(a.path) === pathKey(b.path));

export function ConditionRow({ path, siblings }: { path: NodePath; siblings: SiblingActions }) {
  const { t } = useTranslation();
  const builder = useBuilder();
  const { control, setValue } = useFormContext<BuilderValues>();
  const name = formName(path) as 'rule.children.0';
  const node = useWatch({ control, name }) as ConditionNode;
  const container = useRef<HTMLDivElement>(null);
  useFocusWhenAsked(node.id ?? '', container);

  const label = t('segments.builder.conditionName', { number: siblings.index + 1, subject: conditionSubject(builder.book, node) });
  const invalid = (useFigures().issues.get(pathKey(path))?.length ?? 0) > 0;
  const id = node.id;
  const onChange = useCallback((next: ConditionNode) => setValue(name, { ...next, id } as never, { shouldDirty: true }), [setValue, name, id]);

  return (
    <div ref={container} role="group" aria-label={label} className={`condition${invalid ? ' invalid' : ''}`}>
      <div className="condition-top">
        {/* A fieldset only so read-only roles get every control disabled at once; the div above names the group. */}
        <fieldset className="condition-editor plain-fieldset" disabled={builder.readOnly}>
          <MemoEditor node={node} onChange={onChange} label={label} path={path} />
        </fieldset>
        <CountBadge id={node.id ?? ''} />
        <NodeActions path={path} label={label} siblings={siblings} isCondition />
      </div>
      <p className="condition-sentence">{conditionSentence(builder.book, node)}</p>
      <IssueList path={path} />
    </div>
  );
}
