// One page of the audit log, keeping the previous page on screen while the next one loads.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../trpc';

export const auditPageSize = 50;

export function useAuditLog(cursor: string | null, enabled: boolean) {
  const trpc = useTRPC();
  return useQuery(
    trpc.audit.list.queryOptions({ limit: auditPageSize, cursor }, { enabled, placeholderData: keepPreviousData }),
  );
}
