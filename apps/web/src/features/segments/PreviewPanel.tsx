// The live preview beside the editor: the exact count and share (kept, dimmed, while the next loads), the
// change since the last edit, reach per channel, the small-segment warning and a sample of members. An
// invalid rule shows its problems instead of a count.
import { channels } from '@kizuna/segments';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { ApiErrorNotice } from '../../ui/ApiErrorNotice';
import { formatNumber, formatPercent } from '../../ui/format';
import type { PreviewState } from './previewState';
import { isCurrent, keyTag } from './previewState';
import { channelLabel } from './ruleSentence';
import { SampleMembers } from './SampleMembers';
import type { PreviewResult } from './useSegmentPreview';
import { useBuilder } from './builderContext';

export function PreviewPanel({ state, issueCount, empty, onExplain }: { state: PreviewState<PreviewResult>; issueCount: number; empty: boolean; onExplain: (customerId: string) => void }) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const { book } = useBuilder();
  const shown = state.shown?.result;
  const valid = shown?.valid ? shown : null;
  const current = isCurrent(state);
  const blocked = state.invalid || (current && shown?.valid === false);
  const fmt = (n: number) => formatNumber(n, locale);

  return (
    <section className="panel preview-panel" aria-labelledby="preview-heading">
      <h2 id="preview-heading">{t('segments.preview.title')}</h2>
      <div
        className={`preview-count${current ? '' : ' stale'}`}
        data-testid="preview-count"
        data-state={blocked ? 'invalid' : current ? 'fresh' : 'loading'}
        data-key={state.shown ? keyTag(state.shown.key) : ''}
        aria-busy={state.loading}
        aria-live="polite"
      >
        {blocked && empty ? (
          <p className="muted">{t('segments.preview.empty')}</p>
        ) : blocked ? (
          <p className="preview-invalid">{t('segments.preview.invalid', { count: issueCount })}</p>
        ) : valid ? (
          <>
            <p className="preview-number">
              <span className="visually-hidden">{t('segments.preview.countLabel')}: </span>
              <span data-testid="preview-count-value">{fmt(valid.count)}</span>
            </p>
            <p className="preview-share">{t('segments.preview.share', { share: formatPercent(valid.share, locale), total: fmt(valid.total) })}</p>
            <p className="preview-change">
              {state.change === null
                ? '\u00a0'
                : state.change === 0
                  ? t('segments.preview.unchanged')
                  : t('segments.preview.change', { change: `${state.change > 0 ? '+' : '−'}${fmt(Math.abs(state.change))}` })}
            </p>
          </>
        ) : (
          <p className="muted">{state.loading ? t('segments.preview.loading') : '\u00a0'}</p>
        )}
        {state.loading && state.shown ? <p className="preview-updating">{t('segments.preview.updating')}</p> : null}
      </div>
      {state.error ? <ApiErrorNotice error={state.error} /> : null}
      {valid && !blocked ? (
        <>
          {valid.small ? (
            <Alert tone="warning" title={t('segments.preview.smallTitle')}>
              <p>{t('segments.preview.small', { count: valid.count, formatted: fmt(valid.count), threshold: fmt(valid.smallThreshold) })}</p>
            </Alert>
          ) : null}
          {valid.savedCount !== null && valid.savedCount !== valid.count ? (
            <p className="muted">{t('segments.preview.savedCount', { formatted: fmt(valid.savedCount) })}</p>
          ) : null}
          <h3>{t('segments.preview.reach')}</h3>
          <dl className="reach-list">
            {channels.map((c) => (
              <div key={c}>
                <dt>{channelLabel(book, c)}</dt>
                <dd>{fmt(valid.reachable[c])}</dd>
              </div>
            ))}
            <div className="reach-any">
              <dt>{t('segments.preview.reachAny')}</dt>
              <dd>{fmt(valid.reachableAny)}</dd>
            </div>
          </dl>
          <SampleMembers members={valid.sample} masked={valid.piiMasked} onExplain={onExplain} />
        </>
      ) : null}
    </section>
  );
}
