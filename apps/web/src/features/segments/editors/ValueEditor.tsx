// The value part of a field condition, fitted to the field's type and operator: a multi-select with counts
// for categories, numbers and ranges (money in major units), dates, date ranges and day windows.
import type { AttributeCondition, ComputedCondition, ConditionValue } from '@kizuna/segments';
import { useTranslation } from 'react-i18next';
import { currencyExponent } from '../../../ui/format';
import { MultiSelect } from '../../../ui/MultiSelect';
import type { NumberValue } from '../../../ui/NumberInput';
import { NumberInput } from '../../../ui/NumberInput';
import { useBuilder } from '../builderContext';
import type { BuilderField } from '../useSegments';
import { useMultiSelectText, useValueOptions } from './useValueText';

type FieldCondition = AttributeCondition | ComputedCondition;

const listOps = new Set(['in', 'not_in', 'contains_any', 'contains_all']);

export function ValueEditor({ node, field, onValue, label }: { node: FieldCondition; field: BuilderField; onValue: (value: ConditionValue) => void; label: string }) {
  const { t } = useTranslation();
  const { book } = useBuilder();
  const text = useMultiSelectText(t('segments.builder.valuesOf', { name: label }));
  const options = useValueOptions(field.id, field.values);
  const { op, value } = node;
  if (op === 'is_set' || op === 'is_not_set' || op === 'is_true' || op === 'is_false') return null;

  const scale = field.type === 'money' ? 10 ** currencyExponent(book.currency) : 1;
  const numberLabel = (part: string) => t('segments.builder.valuePart', { name: label, part });

  if (field.type === 'date') {
    if (op === 'within_last_days' || op === 'more_than_days_ago') {
      return (
        <span className="value-inline">
          <NumberInput className="input-days" min={op === 'within_last_days' ? 1 : 0} step={1} value={value} onValue={onValue} aria-label={numberLabel(t('segments.builder.days'))} />
          <span>{t(op === 'within_last_days' ? 'segments.builder.daysUnit' : 'segments.builder.daysAgoUnit')}</span>
        </span>
      );
    }
    if (op === 'between') {
      const [from, to] = Array.isArray(value) ? value : ['', ''];
      return (
        <span className="value-inline">
          <input type="date" value={String(from ?? '')} onChange={(e) => onValue([e.target.value, String(to ?? '')])} aria-label={numberLabel(t('segments.builder.from'))} />
          <span>–</span>
          <input type="date" value={String(to ?? '')} onChange={(e) => onValue([String(from ?? ''), e.target.value])} aria-label={numberLabel(t('segments.builder.to'))} />
        </span>
      );
    }
    return <input type="date" value={typeof value === 'string' ? value : ''} onChange={(e) => onValue(e.target.value)} aria-label={numberLabel(t('segments.builder.date'))} />;
  }

  if (field.type === 'number' || field.type === 'money') {
    if (op === 'between') {
      const pair: unknown[] = Array.isArray(value) ? [...value] : ['', ''];
      const set = (i: number) => (v: NumberValue) => onValue(i === 0 ? [v, (pair[1] as NumberValue) ?? ''] : [(pair[0] as NumberValue) ?? '', v]);
      return (
        <span className="value-inline">
          <NumberInput scale={scale} value={pair[0]} onValue={set(0)} aria-label={numberLabel(t('segments.builder.low'))} />
          <span>–</span>
          <NumberInput scale={scale} value={pair[1]} onValue={set(1)} aria-label={numberLabel(t('segments.builder.high'))} />
        </span>
      );
    }
    if (listOps.has(op)) return <ListInput value={value} numeric onValue={onValue} label={numberLabel(t('segments.builder.value'))} />;
    return <NumberInput scale={scale} value={value} onValue={onValue} aria-label={numberLabel(t('segments.builder.value'))} />;
  }

  // Text, categories and tags.
  if (listOps.has(op)) {
    if (options.length === 0) return <ListInput value={value} onValue={onValue} label={numberLabel(t('segments.builder.value'))} />;
    const selected = Array.isArray(value) ? value.map(String) : [];
    return <MultiSelect options={options} selected={selected} onChange={onValue} text={text} invalid={selected.length === 0} />;
  }
  if (options.length > 0) {
    return (
      <select value={typeof value === 'string' ? value : ''} onChange={(e) => onValue(e.target.value)} aria-label={numberLabel(t('segments.builder.value'))}>
        <option value="">{t('segments.builder.chooseValue')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label} ({o.detail})
          </option>
        ))}
      </select>
    );
  }
  return <input type="text" value={typeof value === 'string' ? value : ''} onChange={(e) => onValue(e.target.value)} aria-label={numberLabel(t('segments.builder.value'))} />;
}

/** Values separated by commas, for lists without known values (postal codes, numbers). */
function ListInput({ value, onValue, label, numeric = false }: { value: unknown; onValue: (v: ConditionValue) => void; label: string; numeric?: boolean }) {
  const { t } = useTranslation();
  const shown = Array.isArray(value) ? value.join(', ') : '';
  return (
    <input
      type="text"
      defaultValue={shown}
      key={shown}
      aria-label={label}
      placeholder={t('segments.builder.listHint')}
      onBlur={(e) => {
        const parts = e.target.value.split(/[,、，]/).map((p) => p.trim()).filter(Boolean);
        onValue(numeric ? parts.map((p) => (Number.isFinite(Number(p)) ? Number(p) : p)) : parts);
      }}
    />
  );
}
