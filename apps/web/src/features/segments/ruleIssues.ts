// Problems of the rule being edited, found in the browser at once (validateRule over the registry the API
// described) and merged with the server's (which also resolves references to other segments' rules).
import type { FieldRegistry, NodePath, SegmentRule } from '@kizuna/segments';
import { isoToDay, validateRule } from '@kizuna/segments';
import type { RuleIssue } from './builderContext';
import { pathKey } from './ruleTree';

export interface PathIssue extends RuleIssue {
  path: NodePath;
}

// The browser does not have other segments' rules: a known segment stands in as a valid one-condition
// rule, so unknown ids and references to the segment itself are caught here and deeper cycles by the server.
const stand_in: SegmentRule = { version: 1, kind: 'group', combinator: 'and', children: [{ kind: 'reachability', channel: 'email' }] };

export function browserIssues(
  rule: unknown,
  registry: FieldRegistry,
  options: { asOfDate: string; knownSegmentIds: ReadonlySet<string>; segmentId?: string },
): PathIssue[] {
  const asOfDay = isoToDay(options.asOfDate);
  if (asOfDay === null) return [];
  const errors = validateRule(rule, registry, {
    asOfDay,
    segmentId: options.segmentId,
    resolveSegment: (id) => (options.knownSegmentIds.has(id) ? stand_in : undefined),
  });
  return errors.map((e) => ({ code: e.code, message: e.message, path: e.path }));
}

/** Issues by node path; each message once per node. */
export function issuesByPath(issues: readonly PathIssue[]): Map<string, RuleIssue[]> {
  const out = new Map<string, RuleIssue[]>();
  for (const issue of issues) {
    const key = pathKey(issue.path);
    const list = out.get(key) ?? [];
    if (!list.some((i) => i.code === issue.code && i.message === issue.message)) list.push({ code: issue.code, message: issue.message });
    out.set(key, list);
  }
  return out;
}
