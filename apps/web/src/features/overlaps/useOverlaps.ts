// overlaps.compute for the current selection. It is a POST (unsaved rules can be long) but reads nothing
// but data, so it is cached like a query per selection; the last figures stay while new ones load.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { inferOutput } from '@trpc/tanstack-react-query';
import type { Api } from '../../trpc';
import { useTRPCClient } from '../../trpc';
import type { Selection } from './overlapSelection';
import { canCompare } from './overlapSelection';

export type OverlapsResult = inferOutput<Api['overlaps']['compute']>;

export function useOverlaps(selection: Selection) {
  const client = useTRPCClient();
  const input = {
    segmentIds: selection.segmentIds,
    rules: selection.rules.map((r) => ({ label: r.label, rule: r.rule as unknown as Record<string, unknown> })),
  };
  return useQuery({
    queryKey: ['overlaps', 'compute', input],
    queryFn: () => client.overlaps.compute.mutate(input),
    enabled: canCompare(selection),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
