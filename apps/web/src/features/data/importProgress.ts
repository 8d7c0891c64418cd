// The import's life in one value, and the single progress bar drawn from it: the browser's upload progress
// fills the first part, the server's processing the rest. The server reports bytes of the file it is reading;
// with the sizes of the chosen files that becomes progress over all of them.
import type { ImportFile, ImportStatusView } from './importTypes';
import { serverReadOrder } from './importTypes';

export type FileSizes = Partial<Record<ImportFile, number>>;

export type ImportState =
  | { stage: 'idle' }
  | { stage: 'uploading'; loaded: number; total: number }
  | { stage: 'processing'; importId: string; sizes: FileSizes; status: ImportStatusView | null }
  | { stage: 'finished'; importId: string; files: ImportFile[]; status: ImportStatusView }
  | { stage: 'rejected'; error: unknown };

/** Share of the bar for the upload. */
export const uploadShare = 0.3;
/** Share of processing for reading the files; the rest is rebuilding customer features. */
const readingShare = 0.9;
/** The bar stops short of full until the server says the job has ended. */
const processingCap = 0.98;

const fraction = (done: number, total: number) => (total > 0 ? Math.min(1, Math.max(0, done / total)) : 0);

/** How far the server is, 0–1, over all chosen files. */
export function processingFraction(status: ImportStatusView | null, sizes: FileSizes): number {
  if (!status) return 0;
  const { phase, file, bytes } = status.progress;
  if (phase === 'features') return readingShare;
  if (phase === 'done' || status.status === 'succeeded' || status.status === 'failed') return 1;
  if (phase !== 'reading' || !file) return 0;
  const total = serverReadOrder.reduce((sum, f) => sum + (sizes[f] ?? 0), 0);
  const index = serverReadOrder.indexOf(file as ImportFile);
  if (index === -1 || total === 0) return 0;
  const before = serverReadOrder.slice(0, index).reduce((sum, f) => sum + (sizes[f] ?? 0), 0);
  const current = Math.min(bytes, sizes[file as ImportFile] ?? bytes);
  return readingShare * fraction(before + current, total);
}

export function progressPercent(state: ImportState): number {
  switch (state.stage) {
    case 'idle':
    case 'rejected':
      return 0;
    case 'uploading':
      return 100 * uploadShare * fraction(state.loaded, state.total);
    case 'processing': {
      const processed = Math.min(processingCap, processingFraction(state.status, state.sizes));
      return 100 * (uploadShare + (1 - uploadShare) * processed);
    }
    case 'finished':
      return 100;
  }
}

export function isFinished(status: ImportStatusView): boolean {
  return status.status === 'succeeded' || status.status === 'failed';
}

/** What the bar says, as a translation key and its values; the component translates. */
export type ProgressDescription =
  | { key: 'data.progress.uploading'; values: { percent: number } }
  | { key: 'data.progress.processingFile'; values: { file: string; rows: number } }
  | {
      key:
        | 'data.progress.receiving'
        | 'data.progress.queued'
        | 'data.progress.features'
        | 'data.progress.finishing'
        | 'data.progress.processing'
        | 'data.progress.succeeded'
        | 'data.progress.failed'
        | 'data.progress.idle';
      values: Record<string, never>;
    };

const none = {} as Record<string, never>;

export function describeProgress(state: ImportState): ProgressDescription {
  switch (state.stage) {
    case 'idle':
      return { key: 'data.progress.idle', values: none };
    case 'rejected':
      return { key: 'data.progress.failed', values: none };
    case 'uploading':
      return { key: 'data.progress.uploading', values: { percent: Math.round(100 * fraction(state.loaded, state.total)) } };
    case 'finished':
      return { key: state.status.status === 'succeeded' ? 'data.progress.succeeded' : 'data.progress.failed', values: none };
    case 'processing': {
      const status = state.status;
      if (!status || status.status === 'receiving') return { key: 'data.progress.receiving', values: none };
      const { phase, file, rows } = status.progress;
      if (phase === 'queued') return { key: 'data.progress.queued', values: none };
      if (phase === 'features') return { key: 'data.progress.features', values: none };
      if (phase === 'done' || phase === 'failed') return { key: 'data.progress.finishing', values: none };
      if (file) return { key: 'data.progress.processingFile', values: { file: `${file.replace(/\.csv$/, '')}.csv`, rows } };
      return { key: 'data.progress.processing', values: none };
    }
  }
}
