import { describe, expect, it } from 'vitest';
import type { FileSizes, ImportState } from './importProgress';
import { describeProgress, processingFraction, progressPercent, uploadShare } from './importProgress';
import type { ImportStatusView } from './importTypes';

interface StatusOver {
  status?: ImportStatusView['status'];
  phase?: string;
  file?: string | null;
  rows?: number;
  bytes?: number;
  totalBytes?: number | null;
}

const status = (over: StatusOver = {}): ImportStatusView => ({
  id: 'imp-1',
  status: over.status ?? 'running',
  progress: {
    file: over.file === undefined ? 'orders' : over.file,
    phase: over.phase ?? 'reading',
    rows: over.rows ?? 1200,
    bytes: over.bytes ?? 0,
    totalBytes: over.totalBytes === undefined ? 1000 : over.totalBytes,
  },
  report: null,
});

// Read in the server's order: products (100), customers (300), orders (600); no events chosen.
const sizes: FileSizes = { customers: 300, orders: 600, products: 100 };
const processing = (s: ImportStatusView | null): ImportState => ({ stage: 'processing', importId: 'imp-1', sizes, status: s });

describe('processingFraction', () => {
  it('adds the files read before the current one', () => {
    expect(processingFraction(status({ file: 'products', bytes: 50 }), sizes)).toBeCloseTo(0.9 * (50 / 1000));
    expect(processingFraction(status({ file: 'customers', bytes: 150 }), sizes)).toBeCloseTo(0.9 * (250 / 1000));
    expect(processingFraction(status({ file: 'orders', bytes: 600 }), sizes)).toBeCloseTo(0.9);
  });

  it('counts the feature rebuild after reading and the end as complete', () => {
    expect(processingFraction(status({ phase: 'features', file: null }), sizes)).toBeCloseTo(0.9);
    expect(processingFraction(status({ phase: 'done' }), sizes)).toBe(1);
    expect(processingFraction(status({ status: 'failed', phase: 'failed' }), sizes)).toBe(1);
  });

  it('is zero before reading starts and for unknown files or sizes', () => {
    expect(processingFraction(null, sizes)).toBe(0);
    expect(processingFraction(status({ phase: 'queued', file: null }), sizes)).toBe(0);
    expect(processingFraction(status({ file: 'mystery' }), sizes)).toBe(0);
    expect(processingFraction(status({ file: 'orders', bytes: 10 }), {})).toBe(0);
  });

  it('does not run past a file when the server reports more bytes than its size', () => {
    expect(processingFraction(status({ file: 'products', bytes: 5000 }), sizes)).toBeCloseTo(0.9 * (100 / 1000));
  });
});

describe('progressPercent', () => {
  it('is empty before anything happens', () => {
    expect(progressPercent({ stage: 'idle' })).toBe(0);
  });

  it('fills the upload share while uploading, without dividing by zero', () => {
    expect(progressPercent({ stage: 'uploading', loaded: 100, total: 200 })).toBeCloseTo(50 * uploadShare);
    expect(progressPercent({ stage: 'uploading', loaded: 200, total: 200 })).toBeCloseTo(100 * uploadShare);
    expect(progressPercent({ stage: 'uploading', loaded: 50, total: 0 })).toBe(0);
  });

  it('continues from the upload share and stops short of 100 until the job ends', () => {
    expect(progressPercent(processing(null))).toBeCloseTo(30);
    expect(progressPercent(processing(status({ file: 'orders', bytes: 300 })))).toBeCloseTo(30 + 70 * 0.9 * 0.7);
    const ended = progressPercent(processing(status({ phase: 'done' })));
    expect(ended).toBeLessThan(100);
    expect(ended).toBeGreaterThan(95);
    expect(progressPercent({ stage: 'finished', importId: 'imp-1', files: ['orders'], status: status({ status: 'succeeded' }) })).toBe(100);
  });

  it('grows monotonically through a whole import', () => {
    const sequence: ImportState[] = [
      { stage: 'idle' },
      { stage: 'uploading', loaded: 10, total: 1000 },
      { stage: 'uploading', loaded: 1000, total: 1000 },
      processing(null),
      processing(status({ phase: 'queued', file: null })),
      processing(status({ file: 'products', bytes: 100 })),
      processing(status({ file: 'customers', bytes: 0 })),
      processing(status({ file: 'customers', bytes: 300 })),
      processing(status({ file: 'orders', bytes: 450 })),
      processing(status({ phase: 'features', file: null })),
      processing(status({ phase: 'done' })),
      { stage: 'finished', importId: 'imp-1', files: ['orders'], status: status({ status: 'failed' }) },
    ];
    const values = sequence.map(progressPercent);
    expect([...values].sort((a, b) => a - b)).toEqual(values);
  });
});

describe('describeProgress', () => {
  it('reports the upload percentage of the upload alone', () => {
    expect(describeProgress({ stage: 'uploading', loaded: 45, total: 100 })).toEqual({
      key: 'data.progress.uploading',
      values: { percent: 45 },
    });
  });

  it('names the server phase: receiving, queued, a file with its rows, features', () => {
    expect(describeProgress(processing(null)).key).toBe('data.progress.receiving');
    expect(describeProgress(processing(status({ status: 'receiving' }))).key).toBe('data.progress.receiving');
    expect(describeProgress(processing(status({ phase: 'queued', file: null }))).key).toBe('data.progress.queued');
    expect(describeProgress(processing(status({ file: 'orders', rows: 1200 })))).toEqual({
      key: 'data.progress.processingFile',
      values: { file: 'orders.csv', rows: 1200 },
    });
    expect(describeProgress(processing(status({ phase: 'features', file: null }))).key).toBe('data.progress.features');
    expect(describeProgress(processing(status({ phase: 'reading', file: null }))).key).toBe('data.progress.processing');
    expect(describeProgress(processing(status({ phase: 'done', file: null }))).key).toBe('data.progress.finishing');
  });

  it('ends in success or failure', () => {
    const finished = (s: 'succeeded' | 'failed'): ImportState => ({ stage: 'finished', importId: 'x', files: ['orders'], status: status({ status: s }) });
    expect(describeProgress(finished('succeeded')).key).toBe('data.progress.succeeded');
    expect(describeProgress(finished('failed')).key).toBe('data.progress.failed');
    expect(describeProgress({ stage: 'rejected', error: new Error('x') }).key).toBe('data.progress.failed');
  });
});
