// Settings and users: queries and mutations, with the refreshes each change needs.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferOutput } from '@trpc/tanstack-react-query';
import type { Api } from '../../trpc';
import { useTRPC } from '../../trpc';

export type UserRow = inferOutput<Api['users']['list']>[number];

export function useSettings() {
  const trpc = useTRPC();
  return useQuery(trpc.settings.get.queryOptions());
}

export function useUpdateSettings() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.settings.update.mutationOptions({
      onSuccess: (settings) => {
        queryClient.setQueryData(trpc.settings.get.queryKey(), settings);
        // The as-of date, currency or time zone feed every number in the app.
        void queryClient.invalidateQueries();
      },
    }),
  );
}

export function useUsers(enabled: boolean) {
  const trpc = useTRPC();
  return useQuery(trpc.users.list.queryOptions(undefined, { enabled }));
}

export function useCreateUser() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.users.create.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() }),
    }),
  );
}

export function useUpdateUser() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.users.update.mutationOptions({
      onSettled: () => void queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() }),
    }),
  );
}
