// Matrix queries and mutations. Every change refreshes the matrix, its history and the campaigns' reach; the
// last failure is kept in one place so a refused change (a conflict above all) is explained once.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../../trpc';

export function useMatrix() {
  const trpc = useTRPC();
  return useQuery(trpc.matrix.get.queryOptions());
}

function useRefresh() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: trpc.matrix.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.campaigns.preview.queryKey() });
    // The cap is a workspace setting too.
    void queryClient.invalidateQueries({ queryKey: trpc.settings.get.queryKey() });
  };
}

export function useMatrixMutations() {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const [failure, setFailure] = useState<unknown>(null);
  const options = {
    onMutate: () => setFailure(null),
    onError: (error: unknown) => setFailure(error),
    // A refused change reloads too: after a conflict the page shows the matrix as it now is.
    onSettled: refresh,
  };
  const assign = useMutation(trpc.matrix.assign.mutationOptions(options));
  const unassign = useMutation(trpc.matrix.unassign.mutationOptions(options));
  const reorderSegments = useMutation(trpc.matrix.reorderSegments.mutationOptions(options));
  const reorderCampaigns = useMutation(trpc.matrix.reorderCampaigns.mutationOptions(options));
  const setFrequencyCap = useMutation(trpc.matrix.setFrequencyCap.mutationOptions(options));
  const restore = useMutation(trpc.matrix.restore.mutationOptions(options));
  const pending = [assign, unassign, reorderSegments, reorderCampaigns, setFrequencyCap, restore].some((m) => m.isPending);
  return { assign, unassign, reorderSegments, reorderCampaigns, setFrequencyCap, restore, pending, failure, clearFailure: () => setFailure(null) };
}

export type MatrixMutations = ReturnType<typeof useMatrixMutations>;
