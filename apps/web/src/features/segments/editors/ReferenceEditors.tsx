// Conditions on other segments (in / not in a saved segment) and on reachability (consented on a channel).
import type { Channel, ReachabilityCondition, SegmentReference } from '@kizuna/segments';
import { channels } from '@kizuna/segments';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n';
import { useBuilder } from '../builderContext';
import type { EditorProps } from '../ConditionRow';
import { channelLabel } from '../ruleSentence';

export function SegmentRefEditor({ node, onChange, label }: EditorProps<SegmentReference>) {
  const { t } = useTranslation();
  const { segments } = useBuilder();
  const part = (p: string) => t('segments.builder.valuePart', { name: label, part: p });
  const known = segments.some((s) => s.id === node.segmentId);
  // Japanese names the segment first: 「VIP」に含まれる.
  const segmentFirst = useLanguage().language === 'ja';
  const membership = (
    <select key="op" value={node.op} onChange={(e) => onChange({ ...node, op: e.target.value as 'in' | 'not_in' })} aria-label={part(t('segments.reference.membership'))}>
      <option value="in">{t('segments.reference.in')}</option>
      <option value="not_in">{t('segments.reference.notIn')}</option>
    </select>
  );
  const segment = (
    <select key="segment" className="segment-select" value={node.segmentId} onChange={(e) => onChange({ ...node, segmentId: e.target.value })} aria-label={part(t('segments.reference.segment'))}>
      <option value="">{segments.length > 0 ? t('segments.reference.choose') : t('segments.reference.none')}</option>
      {!known && node.segmentId ? <option value={node.segmentId}>{node.segmentId}</option> : null}
      {segments.map((s) => (
        <option key={s.id} value={s.id}>
          {s.name}
        </option>
      ))}
    </select>
  );
  return <div className="field-condition">{segmentFirst ? [segment, membership] : [membership, segment]}</div>;
}

export function ReachabilityEditor({ node, onChange, label }: EditorProps<ReachabilityCondition>) {
  const { t } = useTranslation();
  const { book } = useBuilder();
  return (
    <div className="field-condition">
      <span className="field-button static">{t('segments.picker.special.reachability.label')}</span>
      <select
        value={node.channel}
        onChange={(e) => onChange({ ...node, channel: e.target.value as Channel })}
        aria-label={t('segments.builder.valuePart', { name: label, part: t('segments.reference.channel') })}
      >
        {channels.map((c) => (
          <option key={c} value={c}>
            {channelLabel(book, c)}
          </option>
        ))}
      </select>
    </div>
  );
}
