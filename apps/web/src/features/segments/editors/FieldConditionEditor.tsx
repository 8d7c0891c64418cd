// An attribute or computed condition: the field (a button that opens the picker to change it), the
// operator, and the value editor that fits both.
import type { AttributeCondition, ComputedCondition, FieldOperator } from '@kizuna/segments';
import { useTranslation } from 'react-i18next';
import { useBuilder } from '../builderContext';
import type { EditorProps } from '../ConditionRow';
import { initialValue, newCondition } from '../fieldCatalog';
import { fieldLabel } from '../ruleSentence';
import { ValueEditor } from './ValueEditor';

export function FieldConditionEditor({ node, onChange, label }: EditorProps<AttributeCondition | ComputedCondition>) {
  const { t } = useTranslation();
  const builder = useBuilder();
  const field = builder.fieldById.get(node.field);
  const name = fieldLabel(builder.book, node.field);

  const changeField = (event: React.MouseEvent<HTMLButtonElement>) =>
    builder.openPicker({
      returnFocus: event.currentTarget,
      onPick: (choice) => onChange(newCondition(choice, builder.fields.fields, builder.fields.eventTypes.map((e) => e.value), node.id ?? '')),
    });

  const setOp = (op: FieldOperator) => {
    const { value: _old, ...rest } = node;
    onChange({ ...rest, op, ...initialValue(field?.type ?? 'string', op, node.value) });
  };

  return (
    <div className="field-condition">
      <button type="button" className="field-button" onClick={changeField} aria-label={t('segments.builder.changeField', { name })} title={t('segments.builder.changeField', { name })}>
        {name}
      </button>
      {field ? (
        <>
          <select value={node.op} onChange={(e) => setOp(e.target.value as FieldOperator)} aria-label={t('segments.builder.operatorOf', { name: label })}>
            {field.operators.map((op) => (
              <option key={op} value={op}>
                {t(`segments.operators.${op}`)}
              </option>
            ))}
          </select>
          <ValueEditor node={node} field={field} label={label} onValue={(value) => onChange({ ...node, value })} />
        </>
      ) : null}
    </div>
  );
}
