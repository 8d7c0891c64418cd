// A behaviour condition: what is measured (orders or an event type; count, days, sum, average or maximum),
// the comparison, the time window and the filters. ConditionRow shows the sentence it reads as.
import type { BehaviourAggregate, BehaviourCondition, BehaviourMeasure, ComparisonOperator } from '@kizuna/segments';
import { comparisonOperators } from '@kizuna/segments';
import { useTranslation } from 'react-i18next';
import { currencyExponent } from '../../../ui/format';
import type { NumberValue } from '../../../ui/NumberInput';
import { NumberInput } from '../../../ui/NumberInput';
import { useBuilder } from '../builderContext';
import type { EditorProps } from '../ConditionRow';
import { eventLabel } from '../ruleSentence';
import { BehaviourFilters } from './BehaviourFilters';
import { WindowEditor } from './WindowEditor';

const measuresOf = {
  orders: ['count', 'distinct_days', 'sum.amount', 'avg.amount', 'max.amount', 'sum.quantity', 'avg.quantity', 'max.quantity'],
  events: ['count', 'distinct_days', 'sum.value', 'avg.value', 'max.value'],
} as const;

function measureKey(node: BehaviourCondition): string {
  return node.aggregate === 'count' || node.aggregate === 'distinct_days' ? node.aggregate : `${node.aggregate}.${node.measure ?? ''}`;
}

function withMeasure(node: BehaviourCondition, key: string): BehaviourCondition {
  const [aggregate, measure] = key.split('.') as [BehaviourAggregate, BehaviourMeasure | undefined];
  const { measure: _old, ...rest } = node;
  return measure ? { ...rest, aggregate, measure } : { ...rest, aggregate };
}

export function BehaviourEditor({ node, onChange, label }: EditorProps<BehaviourCondition>) {
  const { t } = useTranslation();
  const builder = useBuilder();
  const part = (p: string) => t('segments.builder.valuePart', { name: label, part: p });
  const money = node.measure === 'amount';
  const scale = money ? 10 ** currencyExponent(builder.book.currency) : 1;

  const setSource = (source: 'orders' | 'events') => {
    if (source === node.source) return;
    const base = { kind: 'behaviour' as const, id: node.id, op: node.op, value: node.value, window: node.window };
    onChange(
      source === 'orders'
        ? { ...base, source, aggregate: 'count' }
        : { ...base, source, eventType: builder.fields.eventTypes[0]?.value ?? 'page_view', aggregate: 'count' },
    );
  };

  const setOp = (op: ComparisonOperator) => {
    const first = Array.isArray(node.value) ? node.value[0] : node.value;
    onChange({ ...node, op, value: op === 'between' ? [first ?? 0, first ?? 0] : (first ?? 0) });
  };

  const setNumber = (index: 0 | 1 | null) => (v: NumberValue) => {
    // '' (an empty box) is kept as is so the condition is reported incomplete rather than read as 0.
    const n = v as number;
    if (index === null) onChange({ ...node, value: n });
    else {
      const pair = Array.isArray(node.value) ? node.value : [node.value, node.value];
      onChange({ ...node, value: index === 0 ? [n, pair[1] as number] : [pair[0] as number, n] });
    }
  };

  return (
    <div className="behaviour-editor">
      <div className="behaviour-line">
        <select value={node.source} onChange={(e) => setSource(e.target.value as 'orders' | 'events')} aria-label={part(t('segments.behaviour.source'))}>
          <option value="orders">{t('segments.behaviour.sources.orders')}</option>
          <option value="events">{t('segments.behaviour.sources.events')}</option>
        </select>
        {node.source === 'events' ? (
          <select value={node.eventType ?? ''} onChange={(e) => onChange({ ...node, eventType: e.target.value })} aria-label={part(t('segments.behaviour.eventType'))}>
            {builder.fields.eventTypes.map((e) => (
              <option key={e.value} value={e.value}>
                {eventLabel(builder.book, e.value)}
              </option>
            ))}
          </select>
        ) : null}
        <select value={measureKey(node)} onChange={(e) => onChange(withMeasure(node, e.target.value))} aria-label={part(t('segments.behaviour.measure'))}>
          {measuresOf[node.source].map((m) => (
            <option key={m} value={m}>
              {t(`segments.behaviour.measures.${node.source}.${m.replace('.', '_')}` as 'segments.behaviour.measures.orders.count')}
            </option>
          ))}
        </select>
        <select value={node.op} onChange={(e) => setOp(e.target.value as ComparisonOperator)} aria-label={part(t('segments.behaviour.comparison'))}>
          {comparisonOperators.map((op) => (
            <option key={op} value={op}>
              {t(`segments.behaviour.compare.${op}`)}
            </option>
          ))}
        </select>
        {node.op === 'between' ? (
          <>
            <NumberInput scale={scale} value={Array.isArray(node.value) ? node.value[0] : ''} onValue={setNumber(0)} aria-label={part(t('segments.builder.low'))} />
            <span>–</span>
            <NumberInput scale={scale} value={Array.isArray(node.value) ? node.value[1] : ''} onValue={setNumber(1)} aria-label={part(t('segments.builder.high'))} />
          </>
        ) : (
          <NumberInput scale={scale} value={node.value} onValue={setNumber(null)} aria-label={part(t('segments.builder.value'))} />
        )}
      </div>
      <WindowEditor window={node.window} onChange={(window) => onChange({ ...node, window })} label={label} />
      <BehaviourFilters node={node} onChange={onChange} label={label} />
    </div>
  );
}
