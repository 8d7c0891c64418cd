// Matrix queries and mutations: every change refreshes the matrix (and campaigns, whose reach it feeds).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../trpc';

export function useMatrix() {
  const trpc = useTRPC();
  return useQuery(trpc.matrix.get.queryOptions());
}

function useRefresh() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: trpc.matrix.get.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.campaigns.preview.queryKey() });
  };
}

export function useMatrixMutations() {
  const trpc = useTRPC();
  const onSettled = useRefresh();
  const assign = useMutation(trpc.matrix.assign.mutationOptions({ onSettled }));
  const unassign = useMutation(trpc.matrix.unassign.mutationOptions({ onSettled }));
  const reorderSegments = useMutation(trpc.matrix.reorderSegments.mutationOptions({ onSettled }));
  return { assign, unassign, reorderSegments };
}
