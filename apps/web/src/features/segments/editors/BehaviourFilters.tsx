// Filters of a behaviour condition: categories (orders' own, or the event's product's), order channels and
// coupon use, product ids and low stock for events.
import type { BehaviourCondition, BehaviourFilters as Filters } from '@kizuna/segments';
import { useTranslation } from 'react-i18next';
import { MultiSelect } from '../../../ui/MultiSelect';
import { NumberInput } from '../../../ui/NumberInput';
import { useBuilder } from '../builderContext';
import { useMultiSelectText, useValueOptions } from './useValueText';

/** Drops empty filters so the rule says only what was chosen. */
function withFilter(node: BehaviourCondition, patch: Partial<Filters>): BehaviourCondition {
  const merged: Record<string, unknown> = { ...node.filters, ...patch };
  for (const [k, v] of Object.entries(merged)) if (v === undefined || (Array.isArray(v) && v.length === 0) || v === '') delete merged[k];
  const { filters: _old, ...rest } = node;
  return Object.keys(merged).length > 0 ? { ...rest, filters: merged as Filters } : rest;
}

export function BehaviourFilters({ node, onChange, label }: { node: BehaviourCondition; onChange: (n: BehaviourCondition) => void; label: string }) {
  const { t } = useTranslation();
  const { fields } = useBuilder();
  const orders = node.source === 'orders';
  const part = (p: string) => t('segments.builder.valuePart', { name: label, part: p });
  const categoryText = { ...useMultiSelectText(part(t('segments.behaviour.categories'))), placeholder: t('segments.behaviour.anyCategory') };
  const channelText = { ...useMultiSelectText(part(t('segments.behaviour.channels'))), placeholder: t('segments.behaviour.anyChannel') };
  const categoryOptions = useValueOptions('category', orders ? fields.orderCategories : fields.productCategories, 'rows');
  const channelOptions = useValueOptions('order_channel', fields.orderChannels, 'rows');
  const f = node.filters ?? {};

  return (
    <div className="behaviour-line behaviour-filters">
      <span className="filters-label">{t('segments.behaviour.filters')}</span>
      <MultiSelect options={categoryOptions} selected={f.categories ?? []} onChange={(categories) => onChange(withFilter(node, { categories }))} text={categoryText} />
      {orders ? (
        <>
          <MultiSelect options={channelOptions} selected={f.channels ?? []} onChange={(channels) => onChange(withFilter(node, { channels }))} text={channelText} />
          <select
            value={f.couponUsed === undefined ? '' : f.couponUsed ? 'yes' : 'no'}
            onChange={(e) => onChange(withFilter(node, { couponUsed: e.target.value === '' ? undefined : e.target.value === 'yes' }))}
            aria-label={part(t('segments.behaviour.coupon'))}
          >
            <option value="">{t('segments.behaviour.couponAny')}</option>
            <option value="yes">{t('segments.behaviour.couponUsed')}</option>
            <option value="no">{t('segments.behaviour.couponNotUsed')}</option>
          </select>
        </>
      ) : (
        <label className="value-inline">
          <span>{t('segments.behaviour.lowStock')}</span>
          <NumberInput
            className="input-days"
            min={1}
            step={1}
            value={f.lowStockBelow ?? ''}
            onValue={(v) => onChange(withFilter(node, { lowStockBelow: v === '' ? undefined : v }))}
            aria-label={part(t('segments.behaviour.lowStock'))}
          />
        </label>
      )}
    </div>
  );
}
