// What a node is called in labels: a condition by its subject ("Age", "Orders"), a group by its number in
// reading order ("Group 2"), the root as the whole segment.
import type { ConditionNode, SegmentRule } from '@kizuna/segments';
import { assertNever } from '@kizuna/segments';
import type { Phrasebook } from './ruleSentence';
import { fieldLabel } from './ruleSentence';
import { listGroups } from './ruleTree';

export function conditionSubject(book: Phrasebook, node: ConditionNode): string {
  switch (node.kind) {
    case 'attribute':
    case 'computed':
      return fieldLabel(book, node.field);
    case 'behaviour':
      return book.t(node.source === 'orders' ? 'segments.picker.special.orders.label' : 'segments.picker.special.events.label');
    case 'segment':
      return book.t('segments.picker.special.segment.label');
    case 'reachability':
      return book.t('segments.picker.special.reachability.label');
    default:
      return assertNever(node);
  }
}

export function groupTitle(book: Phrasebook, rule: SegmentRule, id: string | undefined): string {
  const group = listGroups(rule).find((g) => g.id === id);
  if (!group || group.depth === 0) return book.t('segments.builder.rootGroup');
  return book.t('segments.builder.groupName', { number: group.number });
}
