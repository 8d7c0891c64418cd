import { describe, expect, it } from 'vitest';
import type { ImportReport } from '@kizuna/db';
import { ImportJobs } from './jobs';

function report(ok: boolean): ImportReport {
  const zero = { inserted: 0, updated: 0 };
  return {
    importId: 'imp',
    ok,
    counts: { customers: { inserted: 1, updated: 0 }, orders: zero, events: zero, products: zero },
    customersCreatedFromOrders: 0,
    errors: [],
    errorCount: ok ? 0 : 1,
    durationMs: 1,
  };
}

describe('ImportJobs', () => {
  it('moves a job from receiving through running to succeeded, recording progress', async () => {
    const jobs = new ImportJobs();
    const id = jobs.create('u1');
    expect(jobs.get(id)).toMatchObject({ status: 'receiving', progress: { phase: 'receiving' }, report: null });
    let seenWhileRunning: string | undefined;
    await jobs.start(id, ['customers'], async (onProgress) => {
      onProgress({ file: 'customers', phase: 'reading', rows: 10, bytes: 100, totalBytes: 200 });
      seenWhileRunning = jobs.get(id)?.status;
      expect(jobs.get(id)?.progress).toEqual({ file: 'customers', phase: 'reading', rows: 10, bytes: 100, totalBytes: 200 });
      return report(true);
    });
    expect(seenWhileRunning).toBe('running');
    expect(jobs.get(id)).toMatchObject({ status: 'succeeded', files: ['customers'], report: { ok: true }, error: null });
    expect(jobs.get(id)?.finishedAt).not.toBeNull();
  });

  it('marks bad data and crashes as failed, and runs jobs one at a time', async () => {
    const jobs = new ImportJobs();
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const a = jobs.create(null);
    const b = jobs.create(null);
    const doneA = jobs.start(a, ['orders'], async () => {
      order.push('a-start');
      await gate;
      order.push('a-end');
      return report(false);
    });
    const doneB = jobs.start(b, ['orders'], async () => {
      order.push('b-start');
      throw new Error('disk on fire');
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(jobs.get(b)).toMatchObject({ status: 'running', progress: { phase: 'queued' } });
    release();
    await Promise.all([doneA, doneB]);
    expect(order).toEqual(['a-start', 'a-end', 'b-start']);
    expect(jobs.get(a)).toMatchObject({ status: 'failed', report: { ok: false } });
    expect(jobs.get(b)).toMatchObject({ status: 'failed', report: null, error: 'disk on fire' });
  });

  it('fails a job that never ran, forgets old finished jobs, and returns copies', () => {
    const jobs = new ImportJobs(2);
    const ids = [jobs.create(null), jobs.create(null), jobs.create(null)];
    for (const id of ids) jobs.fail(id, 'bad upload');
    expect(jobs.get(ids[0]!)).toBeNull();
    expect(jobs.get(ids[2]!)).toMatchObject({ status: 'failed', error: 'bad upload' });
    const copy = jobs.get(ids[2]!)!;
    copy.status = 'succeeded';
    expect(jobs.get(ids[2]!)?.status).toBe('failed');
    expect(jobs.get('nope')).toBeNull();
  });
});
