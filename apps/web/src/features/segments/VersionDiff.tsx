// What changed between two versions: name, description, tags, and the rule's added, removed and changed
// nodes, each read as a sentence.
import type { RuleNode } from '@kizuna/segments';
import { useTranslation } from 'react-i18next';
import { ApiErrorNotice } from '../../ui/ApiErrorNotice';
import { Loading } from '../../ui/Loading';
import { useBuilder } from './builderContext';
import type { Phrasebook } from './ruleSentence';
import { conditionSentence, groupPhrase, ruleSentence } from './ruleSentence';
import { useSegmentDiff } from './useSegments';

type Summary = RuleNode | { kind: 'group'; combinator: 'and' | 'or'; negate?: boolean; childCount: number };

function summaryText(book: Phrasebook, node: Summary): string {
  if (node.kind !== 'group') return conditionSentence(book, node);
  return groupPhrase(book, node.combinator, node.negate ?? false);
}

export function VersionDiff({ segmentId, from, to }: { segmentId: string; from: number; to: number }) {
  const { t } = useTranslation();
  const { book } = useBuilder();
  const diff = useSegmentDiff(segmentId, from, to);
  if (diff.isPending) return <Loading />;
  if (diff.error) return <ApiErrorNotice error={diff.error} />;
  const d = diff.data;
  const { added, removed, changed } = d.rule;
  const nothing = !d.name && !d.description && !d.tags && added.length + removed.length + changed.length === 0;
  return (
    <div className="version-diff" aria-label={t('segments.history.diffTitle', { from, to })}>
      <p className="muted">{t('segments.history.diffTitle', { from, to })}</p>
      {nothing ? <p>{t('segments.history.noChanges')}</p> : null}
      <ul>
        {d.name ? <li>{t('segments.history.nameChanged', { from: d.name.from, to: d.name.to })}</li> : null}
        {d.description ? <li>{t('segments.history.descriptionChanged')}</li> : null}
        {d.tags ? <li>{t('segments.history.tagsChanged', { added: d.tags.added.join(', ') || '—', removed: d.tags.removed.join(', ') || '—' })}</li> : null}
        {added.map((a) => (
          <li key={`a${a.path.join('.')}`} className="diff-added">
            <span className="diff-mark">{t('segments.history.added')}</span> {a.node.kind === 'group' ? ruleSentence(book, a.node) : conditionSentence(book, a.node)}
          </li>
        ))}
        {removed.map((r) => (
          <li key={`r${r.path.join('.')}`} className="diff-removed">
            <span className="diff-mark">{t('segments.history.removed')}</span> {r.node.kind === 'group' ? ruleSentence(book, r.node) : conditionSentence(book, r.node)}
          </li>
        ))}
        {changed.map((c) => (
          <li key={`c${c.path.join('.')}`} className="diff-changed">
            <span className="diff-mark">{t('segments.history.changed')}</span> {summaryText(book, c.before as Summary)} → {summaryText(book, c.after as Summary)}
          </li>
        ))}
      </ul>
    </div>
  );
}
