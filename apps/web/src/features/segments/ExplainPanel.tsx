// "Why is this customer in or out?": for a customer id (typed, or picked from the sample), each node of the
// rule with whether it held and the customer's own values.
import type { SegmentRule } from '@kizuna/segments';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n';
import { ApiErrorNotice } from '../../ui/ApiErrorNotice';
import { formatNumber } from '../../ui/format';
import { useBuilder } from './builderContext';
import type { ExplainRow } from './explainRows';
import { explainRows, explainValueText } from './explainRows';
import { channelLabel, conditionSentence, groupPhrase } from './ruleSentence';
import type { ExplainResult } from './useSegments';
import { useExplain } from './useSegments';

/** `ask` comes from the sample's "why?" buttons: each new one fills the box and explains at once. */
export function ExplainPanel({ ask, disabled }: { ask: { customerId: string; at: number } | null; disabled: boolean }) {
  const { t } = useTranslation();
  const builder = useBuilder();
  const explain = useExplain();
  const [customerId, setCustomerId] = useState('');
  const [explained, setExplained] = useState<{ result: ExplainResult; rule: SegmentRule } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const run = (id: string) => {
    const rule = builder.getRule();
    explain.mutate(
      { customerId: id.trim(), rule: rule as unknown as Record<string, unknown> },
      { onSuccess: (result) => setExplained({ result, rule }) },
    );
  };

  const { mutate } = explain;
  const { getRule } = builder;
  useEffect(() => {
    if (!ask) return;
    setCustomerId(ask.customerId);
    const rule = getRule();
    mutate({ customerId: ask.customerId, rule: rule as unknown as Record<string, unknown> }, { onSuccess: (result) => setExplained({ result, rule }) });
    heading.current?.scrollIntoView({ block: 'nearest' });
  }, [ask, mutate, getRule]);

  return (
    <section className="panel explain-panel" aria-labelledby="explain-heading">
      <h2 id="explain-heading" ref={heading}>{t('segments.explain.title')}</h2>
      <div className="explain-form">
        <label className="field">
          <span className="field-label">{t('segments.explain.customerId')}</span>
          <input
            type="text"
            value={customerId}
            onChange={(e) => setCustomerId(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && customerId.trim()) {
                e.preventDefault();
                run(customerId);
              }
            }}
          />
        </label>
        <button type="button" className="button button-secondary" disabled={disabled || !customerId.trim() || explain.isPending} onClick={() => run(customerId)}>
          {t('segments.explain.submit')}
        </button>
      </div>
      {disabled ? <p className="muted small-note">{t('segments.explain.fixFirst')}</p> : null}
      {explain.error ? <ApiErrorNotice error={explain.error} /> : null}
      {explained && !explain.isPending ? (
        <div className="explain-result" aria-live="polite">
          <p className={explained.result.member ? 'explain-in' : 'explain-out'}>
            {t(explained.result.member ? 'segments.explain.in' : 'segments.explain.out', { id: explained.result.customerId })}
          </p>
          <ul className="explain-tree">
            {explainRows(explained.result.tree, explained.rule).map((row) => (
              <ExplainLine key={row.key} row={row} />
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

function ExplainLine({ row }: { row: ExplainRow }) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const { book } = useBuilder();
  const yesNo = (b: boolean) => t(b ? 'segments.explain.yes' : 'segments.explain.no');
  const d = row.detail;
  let what: string;
  let value: string | null = null;
  if (d.kind === 'group') what = groupPhrase(book, d.combinator, d.negate);
  else what = row.node && row.node.kind !== 'group' ? conditionSentence(book, row.node) : '';
  switch (d.kind) {
    case 'field':
      value = explainValueText(d.value, (n) => formatNumber(n, locale)) ?? t('segments.explain.noValue');
      break;
    case 'behaviour':
      value = t('segments.explain.behaviourValue', { value: d.value === null ? t('segments.explain.noValue') : formatNumber(d.value, locale), rows: formatNumber(d.rows, locale) });
      break;
    case 'segment':
      what = what || book.segmentName(d.segmentId);
      value = t('segments.explain.memberOf', { name: book.segmentName(d.segmentId), answer: yesNo(d.member) });
      break;
    case 'reachability':
      value = t('segments.explain.reach', { channel: channelLabel(book, d.channel), optedIn: yesNo(d.optedIn), hasAddress: yesNo(d.hasAddress) });
      break;
    case 'group':
      break;
  }
  return (
    <li className={row.held ? 'held' : 'not-held'} style={{ paddingInlineStart: `${row.depth * 1.1}rem` }}>
      <span className="explain-mark" aria-hidden="true">
        {row.held ? '✓' : '✗'}
      </span>
      <span className="visually-hidden">{t(row.held ? 'segments.explain.held' : 'segments.explain.notHeld')}: </span>
      <span>{what}</span>
      {value ? <span className="explain-value"> — {value}</span> : null}
    </li>
  );
}
