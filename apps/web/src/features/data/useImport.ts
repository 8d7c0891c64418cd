// Runs an import: uploads with progress, polls data.importStatus until the job ends, then refreshes every
// query (counts, dates and segments all change with new data).
import { skipToken, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTRPC } from '../../trpc';
import type { FileSizes, ImportState } from './importProgress';
import { isFinished } from './importProgress';
import type { ImportFile, ImportStatusView } from './importTypes';
import { buildImportFormData, uploadImport } from './uploadImport';

const pollMs = 500;

type Run =
  | { stage: 'idle' }
  | { stage: 'uploading'; loaded: number; total: number }
  | { stage: 'polling'; importId: string; sizes: FileSizes }
  | { stage: 'rejected'; error: unknown };

export function useImport(): {
  state: ImportState;
  start: (files: Partial<Record<ImportFile, File>>, strict: boolean) => void;
  busy: boolean;
} {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [run, setRun] = useState<Run>({ stage: 'idle' });
  const importId = run.stage === 'polling' ? run.importId : null;

  const status = useQuery(
    trpc.data.importStatus.queryOptions(importId ? { id: importId } : skipToken, {
      refetchInterval: (query) => {
        const data = query.state.data as ImportStatusView | undefined;
        return data && isFinished(data) ? false : pollMs;
      },
      staleTime: 0,
      gcTime: 60_000,
    }),
  );
  const statusView = status.data as ImportStatusView | undefined;

  const state = useMemo((): ImportState => {
    switch (run.stage) {
      case 'idle':
      case 'uploading':
        return run;
      case 'rejected':
        return { stage: 'rejected', error: run.error };
      case 'polling':
        if (status.isError) return { stage: 'rejected', error: status.error };
        if (statusView && isFinished(statusView)) {
          const files = Object.keys(run.sizes) as ImportFile[];
          return { stage: 'finished', importId: run.importId, files, status: statusView };
        }
        return { stage: 'processing', importId: run.importId, sizes: run.sizes, status: statusView ?? null };
    }
  }, [run, status.isError, status.error, statusView]);

  const refreshed = useRef<string | null>(null);
  useEffect(() => {
    if (state.stage !== 'finished' || refreshed.current === state.importId) return;
    refreshed.current = state.importId;
    // Everything derived from the data may have changed (refetching the finished status once is harmless).
    void queryClient.invalidateQueries();
  }, [state, queryClient]);

  const start = useCallback((files: Partial<Record<ImportFile, File>>, strict: boolean) => {
    const sizes: FileSizes = Object.fromEntries(Object.entries(files).map(([name, f]) => [name, f.size]));
    const total = Object.values(sizes).reduce((sum, size) => sum + size, 0);
    setRun({ stage: 'uploading', loaded: 0, total });
    const upload = uploadImport(buildImportFormData(files, strict), (loaded, size) =>
      setRun({ stage: 'uploading', loaded, total: size || total }),
    );
    upload.promise.then(
      ({ importId: id }) => setRun({ stage: 'polling', importId: id, sizes }),
      (error: unknown) => setRun({ stage: 'rejected', error }),
    );
  }, []);

  return { state, start, busy: state.stage === 'uploading' || state.stage === 'processing' };
}
