// The workspace's as-of date, data-through date, currency and time zone: shown in the header, used by pages.
import { useQuery } from '@tanstack/react-query';
import type { inferOutput } from '@trpc/tanstack-react-query';
import type { Api } from '../../trpc';
import { useTRPC } from '../../trpc';

export type WorkspaceSummary = inferOutput<Api['workspace']['summary']>;

export function useWorkspaceSummary() {
  const trpc = useTRPC();
  return useQuery(trpc.workspace.summary.queryOptions());
}
