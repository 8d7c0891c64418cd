import { describe, expect, it } from 'vitest';
import { AnswerCache, initialPreview, isCurrent, keyTag, previewReducer } from './previewState';

type R = { count: number } | { invalid: true };
const reduce = previewReducer<R>((r) => ('count' in r ? r.count : null));

describe('preview state', () => {
  it('keeps the previous figure while loading and reports the change since the last edit', () => {
    let s = initialPreview<R>();
    s = reduce(s, { type: 'request', key: 'a', seq: 1 });
    expect(s.loading).toBe(true);
    s = reduce(s, { type: 'resolve', key: 'a', seq: 1, result: { count: 100 } });
    expect(isCurrent(s)).toBe(true);
    expect(s.change).toBeNull();
    s = reduce(s, { type: 'request', key: 'b', seq: 2 });
    expect(s.shown?.result).toEqual({ count: 100 });
    expect(isCurrent(s)).toBe(false);
    s = reduce(s, { type: 'resolve', key: 'b', seq: 2, result: { count: 80 } });
    expect(s.change).toBe(-20);
    expect(isCurrent(s)).toBe(true);
  });

  it('discards answers to any request but the newest', () => {
    let s = initialPreview<R>();
    s = reduce(s, { type: 'request', key: 'a', seq: 1 });
    s = reduce(s, { type: 'request', key: 'b', seq: 2 });
    const late = reduce(s, { type: 'resolve', key: 'a', seq: 1, result: { count: 5 } });
    expect(late).toBe(s);
    expect(reduce(s, { type: 'reject', seq: 1, error: new Error('x') })).toBe(s);
    s = reduce(s, { type: 'resolve', key: 'b', seq: 2, result: { count: 7 } });
    expect(s.shown).toEqual({ key: 'b', result: { count: 7 } });
  });

  it('never counts an invalid rule as current, and an invalid answer leaves the change alone', () => {
    let s = initialPreview<R>();
    s = reduce(s, { type: 'request', key: 'a', seq: 1 });
    s = reduce(s, { type: 'resolve', key: 'a', seq: 1, result: { count: 10 } });
    s = reduce(s, { type: 'invalid', key: 'bad' });
    expect(isCurrent(s)).toBe(false);
    s = reduce(s, { type: 'request', key: 'c', seq: 2 });
    s = reduce(s, { type: 'resolve', key: 'c', seq: 2, result: { invalid: true } });
    expect(s.change).toBeNull();
    s = reduce(s, { type: 'request', key: 'a', seq: 3 });
    s = reduce(s, { type: 'resolve', key: 'a', seq: 3, result: { count: 10 } });
    expect(s.change).toBeNull();
  });

  it('records errors of the newest request only', () => {
    let s = reduce(initialPreview<R>(), { type: 'request', key: 'a', seq: 1 });
    s = reduce(s, { type: 'reject', seq: 1, error: 'down' });
    expect(s).toMatchObject({ loading: false, error: 'down' });
  });
});

describe('helpers', () => {
  it('tags keys stably', () => {
    expect(keyTag('abc')).toBe(keyTag('abc'));
    expect(keyTag('abc')).not.toBe(keyTag('abd'));
  });

  it('caches the most recent answers', () => {
    const cache = new AnswerCache<number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
  });
});
