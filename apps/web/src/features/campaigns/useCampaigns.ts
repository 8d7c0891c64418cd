// Campaign queries and mutations; creating or editing a campaign also changes the matrix (and maybe the segments).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferInput, inferOutput } from '@trpc/tanstack-react-query';
import type { TemplateLanguage } from '@kizuna/campaigns';
import type { Api } from '../../trpc';
import { useTRPC } from '../../trpc';

export type CampaignRow = inferOutput<Api['campaigns']['list']>[number];
export type TemplateView = inferOutput<Api['campaigns']['templates']>[number];
export type PreviewRequest = inferInput<Api['campaigns']['preview']>;

export function useCampaignList() {
  const trpc = useTRPC();
  return useQuery(trpc.campaigns.list.queryOptions({ includeArchived: false }));
}

/** The gallery in the UI language: a template creates its campaign and segments with texts in that language. */
export function useTemplates(language: TemplateLanguage) {
  const trpc = useTRPC();
  return useQuery(trpc.campaigns.templates.queryOptions({ language }, { placeholderData: keepPreviousData }));
}

function useRefreshAll() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: trpc.campaigns.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.matrix.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.segments.pathKey() });
  };
}

export function useCreateCampaign() {
  const trpc = useTRPC();
  const onSuccess = useRefreshAll();
  return useMutation(trpc.campaigns.create.mutationOptions({ onSuccess }));
}

export function useCreateFromTemplate() {
  const trpc = useTRPC();
  const onSuccess = useRefreshAll();
  return useMutation(trpc.campaigns.createFromTemplate.mutationOptions({ onSuccess }));
}

export function useUpdateCampaign() {
  const trpc = useTRPC();
  const onSuccess = useRefreshAll();
  return useMutation(trpc.campaigns.update.mutationOptions({ onSuccess }));
}

/** The matrix (the same query the Matrix page makes): which segments each campaign is assigned, with which offer. */
export function useMatrixAssignments(enabled = true) {
  const trpc = useTRPC();
  return useQuery(trpc.matrix.get.queryOptions(undefined, { enabled }));
}

export function useArchiveCampaign() {
  const trpc = useTRPC();
  const onSuccess = useRefreshAll();
  return useMutation(trpc.campaigns.archive.mutationOptions({ onSuccess }));
}

/** The preview for a request; null (nothing to render yet) sends nothing. Keeps the last answer while typing. */
export function useCampaignPreview(request: PreviewRequest | null) {
  const trpc = useTRPC();
  return useQuery(
    trpc.campaigns.preview.queryOptions(request ?? { content: { subject: '', body: ' ' } }, {
      enabled: request !== null,
      placeholderData: keepPreviousData,
      retry: false,
    }),
  );
}
