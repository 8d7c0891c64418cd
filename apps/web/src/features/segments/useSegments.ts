// Queries and mutations of saved segments, with the refreshes each change needs.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferOutput } from '@trpc/tanstack-react-query';
import type { Api } from '../../trpc';
import { useTRPC } from '../../trpc';

export type SegmentList = inferOutput<Api['segments']['list']>;
export type SegmentListItem = SegmentList['items'][number];
export type SegmentDetail = inferOutput<Api['segments']['get']>;
export type SegmentVersionItem = inferOutput<Api['segments']['versions']>[number];
export type SegmentDiff = inferOutput<Api['segments']['diff']>;
export type BuilderFields = inferOutput<Api['segments']['fields']>;
export type BuilderField = BuilderFields['fields'][number];
export type TemplateWithSize = inferOutput<Api['segments']['templates']>[number];
export type ExplainResult = inferOutput<Api['segments']['explain']>;

export function useSegmentList() {
  const trpc = useTRPC();
  return useQuery(trpc.segments.list.queryOptions({}));
}

export function useSegment(id: string | undefined) {
  const trpc = useTRPC();
  return useQuery(trpc.segments.get.queryOptions({ id: id ?? '' }, { enabled: id !== undefined }));
}

export function useBuilderFields() {
  const trpc = useTRPC();
  // The registry changes only with new data or a new as-of date; the settings page invalidates everything then.
  return useQuery(trpc.segments.fields.queryOptions(undefined, { staleTime: 10 * 60_000 }));
}

export function useTemplates(enabled: boolean) {
  const trpc = useTRPC();
  return useQuery(trpc.segments.templates.queryOptions(undefined, { enabled, staleTime: 5 * 60_000 }));
}

export function useSegmentVersions(id: string) {
  const trpc = useTRPC();
  return useQuery(trpc.segments.versions.queryOptions({ id }));
}

export function useSegmentDiff(id: string, from: number | null, to: number | null) {
  const trpc = useTRPC();
  return useQuery(
    trpc.segments.diff.queryOptions({ id, from: from ?? 1, to: to ?? 1 }, { enabled: from !== null && to !== null && from !== to }),
  );
}

/** A mutation on the server only because unsaved rules can be longer than a URL; it changes nothing. */
export function useExplain() {
  const trpc = useTRPC();
  return useMutation(trpc.segments.explain.mutationOptions());
}

/** After any change: the list, the segment, its versions, and overlaps or previews that reference it. */
function useInvalidateSegments() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.segments.list.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.segments.get.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.segments.versions.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.segments.templates.queryKey() }),
    ]);
}

export function useCreateSegment() {
  const trpc = useTRPC();
  const invalidate = useInvalidateSegments();
  return useMutation(trpc.segments.create.mutationOptions({ onSuccess: () => void invalidate() }));
}

export function useUpdateSegment() {
  const trpc = useTRPC();
  const invalidate = useInvalidateSegments();
  return useMutation(trpc.segments.update.mutationOptions({ onSuccess: () => void invalidate() }));
}

export function useRestoreSegment() {
  const trpc = useTRPC();
  const invalidate = useInvalidateSegments();
  return useMutation(trpc.segments.restore.mutationOptions({ onSuccess: () => void invalidate() }));
}

export function useDuplicateSegment() {
  const trpc = useTRPC();
  const invalidate = useInvalidateSegments();
  return useMutation(trpc.segments.duplicate.mutationOptions({ onSuccess: () => void invalidate() }));
}

export function useDeleteSegment() {
  const trpc = useTRPC();
  const invalidate = useInvalidateSegments();
  return useMutation(trpc.segments.delete.mutationOptions({ onSuccess: () => void invalidate() }));
}
