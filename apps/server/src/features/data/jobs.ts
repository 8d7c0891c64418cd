// In-process registry of import jobs: an upload is 'receiving' while its files stream to disk, then
// 'running' in the background, then 'succeeded' or 'failed'. Jobs run one at a time, so two imports never
// write the same tables at once. Finished jobs are kept (the newest `keepFinished`) for status polling.
import { randomUUID } from 'node:crypto';
import type { ImportProgress, ImportReport } from '@kizuna/db';

export type ImportJobStatus = 'receiving' | 'running' | 'succeeded' | 'failed';

export interface ImportJobProgress {
  file: ImportProgress['file'];
  /** The importer's phase ('reading', 'features', 'done'), or the job's own: 'receiving', 'queued', 'failed'. */
  phase: ImportProgress['phase'] | 'receiving' | 'queued' | 'failed';
  rows: number;
  bytes: number;
  /** Null while the size of the file being read is unknown. */
  totalBytes: number | null;
}

export interface ImportJobView {
  id: string;
  status: ImportJobStatus;
  progress: ImportJobProgress;
  report: ImportReport | null;
  /** Why the job failed when it failed before producing a report (e.g. an unreadable upload). */
  error: string | null;
  userId: string | null;
  files: string[];
  createdAt: string;
  finishedAt: string | null;
}

export type ImportRunner = (onProgress: (progress: ImportProgress) => void) => Promise<ImportReport>;

export class ImportJobs {
  private readonly jobs = new Map<string, ImportJobView>();
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly keepFinished = 50) {}

  /** Registers a job whose files are still arriving. */
  create(userId: string | null, files: string[] = []): string {
    const id = randomUUID();
    this.jobs.set(id, {
      id,
      status: 'receiving',
      progress: { file: null, phase: 'receiving', rows: 0, bytes: 0, totalBytes: null },
      report: null,
      error: null,
      userId,
      files,
      createdAt: new Date().toISOString(),
      finishedAt: null,
    });
    return id;
  }

  get(id: string): ImportJobView | null {
    const job = this.jobs.get(id);
    return job ? structuredClone(job) : null;
  }

  /** Queues the import; the returned promise settles when it has finished (it never rejects). */
  start(id: string, files: string[], run: ImportRunner): Promise<void> {
    const job = this.require(id);
    job.files = files;
    // Received and waiting for the previous import: 'running' to the user, 'queued' in the progress.
    job.status = 'running';
    job.progress = { ...job.progress, phase: 'queued' };
    const done = this.queue.then(async () => {
      try {
        const report = await run((p) => {
          job.progress = { file: p.file, phase: p.phase, rows: p.rows, bytes: p.bytes, totalBytes: p.totalBytes };
        });
        job.report = report;
        job.status = report.ok ? 'succeeded' : 'failed';
        job.progress = { ...job.progress, phase: 'done' };
      } catch (err) {
        job.status = 'failed';
        job.error = err instanceof Error ? err.message : String(err);
        job.progress = { ...job.progress, phase: 'failed' };
      } finally {
        job.finishedAt = new Date().toISOString();
        this.prune();
      }
    });
    this.queue = done;
    return done;
  }

  /** Marks a job that never got to run (bad upload) as failed. */
  fail(id: string, message: string): void {
    const job = this.require(id);
    job.status = 'failed';
    job.error = message;
    job.progress = { ...job.progress, phase: 'failed' };
    job.finishedAt = new Date().toISOString();
    this.prune();
  }

  /** Resolves once every queued job has finished: for shutdown and tests. */
  async idle(): Promise<void> {
    let current: Promise<void>;
    do {
      current = this.queue;
      await current;
    } while (current !== this.queue);
  }

  private require(id: string): ImportJobView {
    const job = this.jobs.get(id);
    if (!job) throw new Error(`Unknown import job ${id}`);
    return job;
  }

  private prune(): void {
    const finished = [...this.jobs.values()].filter((j) => j.finishedAt !== null);
    for (const job of finished.slice(0, Math.max(0, finished.length - this.keepFinished))) this.jobs.delete(job.id);
  }
}
