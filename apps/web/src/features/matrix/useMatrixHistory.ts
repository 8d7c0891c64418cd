// The matrix's versions: the newest ones (a page at a time) and one version's snapshot with its names.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../trpc';

export function useMatrixVersions(limit: number) {
  const trpc = useTRPC();
  return useQuery(trpc.matrix.versions.queryOptions({ limit }, { placeholderData: keepPreviousData }));
}

/** Versions never change once written; `null` asks for nothing. */
export function useMatrixVersion(version: number | null) {
  const trpc = useTRPC();
  return useQuery(trpc.matrix.version.queryOptions({ version: version ?? 1 }, { enabled: version !== null && version > 0, staleTime: Infinity }));
}
