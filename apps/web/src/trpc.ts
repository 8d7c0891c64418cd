// The tRPC client for the web app: same-origin /trpc with the session cookie, and the React context that
// gives components `useTRPC()` for query and mutation options.
import { QueryClient } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import type { TRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import type { AppRouter } from '@kizuna/server/router';
import { shouldRetry } from './ui/apiError';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/** The typed options proxy; use with `inferOutput<Api['data']['stats']>` to name a procedure's result. */
export type Api = TRPCOptionsProxy<AppRouter>;

export function makeTrpcClient() {
  return createTRPCClient<AppRouter>({
    // Same origin: the session cookie goes along by default and no host is hard-coded.
    // Queries go as POST too: inputs such as campaign drafts can be longer than a URL may be.
    links: [httpBatchLink({ url: '/trpc', methodOverride: 'POST' })],
  });
}

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: shouldRetry,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}
