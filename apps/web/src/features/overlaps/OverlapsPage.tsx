// Overlaps: pick 2–12 segments (saved, or unsaved rules from the builder) and see who belongs to more than
// one: totals, a pairwise heatmap, exclusive intersections as UpSet bars and, for 2–3, a Venn diagram.
// Any cell, bar or region opens as a new segment in the builder.
import type { SegmentRule } from '@kizuna/segments';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { Alert } from '../../ui/Alert';
import { ApiErrorNotice } from '../../ui/ApiErrorNotice';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { builderLink } from '../segments/ruleParam';
import { useSegmentList } from '../segments/useSegments';
import { Heatmap } from './Heatmap';
import { OverlapTotals } from './OverlapTotals';
import type { Selection } from './overlapSelection';
import { canCompare, pairRule, readSelection, setCount, writeSelection } from './overlapSelection';
import { SegmentSelector } from './SegmentSelector';
import { UpsetChart } from './UpsetChart';
import { useOverlaps } from './useOverlaps';
import { useRegionNames } from './useRegionNames';
import { VennDiagram } from './VennDiagram';
import '../../ui/controls.css';
import './overlaps.css';

export function OverlapsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  // Held here so a tick shows at once; the URL follows (shareable, and the builder links into it).
  const [selection, setSelection] = useState(() => readSelection(params));
  const search = params.toString();
  const [seenSearch, setSeenSearch] = useState(search);
  if (search !== seenSearch) {
    setSeenSearch(search);
    if (search !== writeSelection(selection).toString()) setSelection(readSelection(params));
  }
  const list = useSegmentList();
  const overlaps = useOverlaps(selection);
  const result = overlaps.data;
  const labels = result?.sets.map((s) => s.label) ?? [];
  const names = useRegionNames(labels);

  const change = (next: Selection) => {
    setSelection(next);
    setParams(writeSelection(next), { replace: true });
  };
  const open = (rule: SegmentRule, name: string) => void navigate(builderLink(rule, name));

  return (
    <>
      <PageHeader title={t('nav.overlaps')} description={t('overlaps.description')} />
      <div className="overlaps">
        <div className="overlaps-side">
          {list.error ? <ApiErrorNotice error={list.error} /> : null}
          {list.data ? <SegmentSelector segments={list.data.items} selection={selection} onChange={change} /> : <Loading />}
        </div>
        <div className="overlaps-main" aria-busy={overlaps.isFetching}>
          {!canCompare(selection) ? <Alert tone="info" title={t('overlaps.pick.tooFew', { count: setCount(selection) })} /> : null}
          {overlaps.error ? <ApiErrorNotice error={overlaps.error} /> : null}
          {canCompare(selection) && overlaps.isPending ? <Loading label={t('overlaps.computing')} /> : null}
          {result && canCompare(selection) ? (
            <div className={overlaps.isPlaceholderData ? 'stale-results' : undefined}>
              <OverlapTotals result={result} onOpenNone={() => open(result.noneRule, names.none())} />
              <Heatmap result={result} labels={labels} onOpenPair={(a, b, name) => open(pairRule(selection, a, b), name)} />
              <UpsetChart
                result={result}
                labels={labels}
                onOpenRegion={(mask, name) => {
                  const region = result.regions.find((r) => r.mask === mask);
                  if (region) open(region.rule, name);
                }}
              />
              {labels.length <= 3 ? (
                <VennDiagram
                  result={result}
                  labels={labels}
                  onOpenRegion={(mask, name) => {
                    const region = result.regions.find((r) => r.mask === mask);
                    if (region) open(region.rule, name);
                  }}
                />
              ) : (
                <p className="muted">{t('overlaps.venn.onlyFew')}</p>
              )}
            </div>
          ) : null}
        </div>
      </div>
    </>
  );
}
