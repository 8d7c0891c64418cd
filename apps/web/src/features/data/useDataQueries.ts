// Queries of the Data page: dataset statistics and the import history.
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../trpc';

export const recentImportsLimit = 10;

export function useDataStats() {
  const trpc = useTRPC();
  return useQuery(trpc.data.stats.queryOptions());
}

export function useRecentImports() {
  const trpc = useTRPC();
  return useQuery(trpc.data.imports.queryOptions({ limit: recentImportsLimit }));
}
