// Session hooks: who is signed in (auth.me), signing in and out, and noticing an expired session.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferOutput } from '@trpc/tanstack-react-query';
import { createContext, useContext, useEffect } from 'react';
import type { Api } from '../../trpc';
import { useTRPC } from '../../trpc';
import { apiErrorCode } from '../../ui/apiError';

export type SessionUser = NonNullable<inferOutput<Api['auth']['me']>>;

export function useSessionQuery() {
  const trpc = useTRPC();
  return useQuery(trpc.auth.me.queryOptions(undefined, { staleTime: 5 * 60_000 }));
}

export function useLogin() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.auth.login.mutationOptions({
      onSuccess: ({ user }) => {
        // Anything cached belonged to whoever was signed in before.
        queryClient.removeQueries();
        queryClient.setQueryData(trpc.auth.me.queryKey(), user);
      },
    }),
  );
}

export function useLogout() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.auth.logout.mutationOptions({
      onSettled: () => {
        // Signed out even if the call failed: the guard sends us to /login, which then forgets the rest.
        void queryClient.cancelQueries();
        queryClient.setQueryData(trpc.auth.me.queryKey(), null);
      },
    }),
  );
}

/**
 * Drops every cached answer except auth.me once the login page shows. Done here rather than at logout so
 * the signed-in pages, still mounted for a moment, do not refetch (and fail) what was just removed.
 */
export function useForgetPreviousSession(): void {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  useEffect(() => {
    const meHash = JSON.stringify(trpc.auth.me.queryKey());
    queryClient.removeQueries({ predicate: (query) => JSON.stringify(query.queryKey) !== meHash });
  }, [queryClient, trpc]);
}

/** When any call fails with UNAUTHORIZED the session has ended: re-ask auth.me, which sends us to login. */
export function useSessionExpiry(): void {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  useEffect(() => {
    const meKey = trpc.auth.me.queryKey();
    const meHash = JSON.stringify(meKey);
    const recheck = (error: unknown) => {
      if (apiErrorCode(error) === 'UNAUTHORIZED') void queryClient.invalidateQueries({ queryKey: meKey, exact: true });
    };
    const stopQueries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated' || event.action.type !== 'error') return;
      if (JSON.stringify(event.query.queryKey) === meHash) return; // auth.me failing is not a session end
      recheck(event.action.error);
    });
    const stopMutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error') recheck(event.action.error);
    });
    return () => {
      stopQueries();
      stopMutations();
    };
  }, [queryClient, trpc]);
}

export const SessionContext = createContext<SessionUser | null>(null);

/** The signed-in user; only for components rendered inside the signed-in layout. */
export function useCurrentUser(): SessionUser {
  const user = useContext(SessionContext);
  if (!user) throw new Error('useCurrentUser outside the signed-in layout');
  return user;
}
