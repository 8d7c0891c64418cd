import { describe, expect, it } from 'vitest';
import { clientRegistry, defaultOperator, initialValue, newCondition, pickerEntries, searchPicker } from './fieldCatalog';
import { builtInFields } from './testing';

const text = {
  label: (f: { id: string }) => f.id.replace(/_/g, ' '),
  help: (f: { id: string }) => `help for ${f.id}`,
  special: (key: string, part: string) => `${key} ${part}`,
};

describe('picker', () => {
  const entries = pickerEntries(builtInFields, text);

  it('groups every field and the special conditions by category, in the registry order', () => {
    const sections = searchPicker(entries, '');
    expect(sections.map((s) => s.category)).toEqual(['demographic', 'geographic', 'psychographic', 'behavioural', 'value', 'technographic', 'consent', 'segments']);
    const behavioural = sections.find((s) => s.category === 'behavioural')!;
    expect(behavioural.entries.slice(0, 2).map((e) => e.choice)).toEqual([
      { kind: 'behaviour', source: 'orders' },
      { kind: 'behaviour', source: 'events' },
    ]);
    expect(sections.find((s) => s.category === 'consent')!.entries.some((e) => e.choice.kind === 'reachability')).toBe(true);
    expect(entries.filter((e) => e.choice.kind === 'field')).toHaveLength(builtInFields.length);
  });

  it('searches labels, help and ids with every word, ignoring case and width', () => {
    expect(searchPicker(entries, 'REGION').flatMap((s) => s.entries.map((e) => e.key))).toEqual(['field:region']);
    expect(searchPicker(entries, 'help score m').flatMap((s) => s.entries.map((e) => e.key))).toEqual(['field:m_score']);
    expect(searchPicker(entries, 'ｏｒｄｅｒｓ label').flatMap((s) => s.entries.map((e) => e.key))).toEqual(['special:orders']);
    expect(searchPicker(entries, 'no such thing')).toEqual([]);
  });
});

describe('new conditions', () => {
  it('starts each field type with a sensible operator and an explicit empty value', () => {
    const byId = (id: string) => builtInFields.find((f) => f.id === id)!;
    expect(defaultOperator(byId('region'))).toBe('in');
    expect(defaultOperator(byId('interests'))).toBe('contains_any');
    expect(defaultOperator(byId('age'))).toBe('gte');
    expect(defaultOperator(byId('signup_date'))).toBe('within_last_days');
    expect(defaultOperator(byId('email_opt_in'))).toBe('is_true');
    expect(newCondition({ kind: 'field', fieldId: 'region' }, builtInFields, [], 'x')).toEqual({ kind: 'attribute', id: 'x', field: 'region', op: 'in', value: [] });
    expect(newCondition({ kind: 'field', fieldId: 'age' }, builtInFields, [], 'x')).toEqual({ kind: 'computed', id: 'x', field: 'age', op: 'gte', value: '' });
    expect(newCondition({ kind: 'field', fieldId: 'has_email' }, builtInFields, [], 'x')).toEqual({ kind: 'attribute', id: 'x', field: 'has_email', op: 'is_true' });
    expect(newCondition({ kind: 'behaviour', source: 'events' }, builtInFields, ['favorite'], 'x')).toMatchObject({ source: 'events', eventType: 'favorite', window: { type: 'last_days', days: 30 } });
    expect(newCondition({ kind: 'segment' }, builtInFields, [], 'x')).toEqual({ kind: 'segment', id: 'x', op: 'in', segmentId: '' });
    expect(() => newCondition({ kind: 'field', fieldId: 'nope' }, builtInFields, [], 'x')).toThrow();
  });

  it('keeps a value across an operator change when it still fits', () => {
    expect(initialValue('enum', 'in', 'female')).toEqual({ value: ['female'] });
    expect(initialValue('enum', 'eq', ['female', 'male'])).toEqual({ value: 'female' });
    expect(initialValue('number', 'between', 5)).toEqual({ value: ['', ''] });
    expect(initialValue('number', 'lt', 5)).toEqual({ value: 5 });
    expect(initialValue('number', 'in', 5)).toEqual({ value: [5] });
    expect(initialValue('number', 'is_set', 5)).toEqual({});
    expect(initialValue('date', 'before', 30)).toEqual({ value: '' });
    expect(initialValue('date', 'more_than_days_ago', 30)).toEqual({ value: 30 });
    expect(initialValue('date', 'after', '2026-01-02')).toEqual({ value: '2026-01-02' });
  });
});

describe('clientRegistry', () => {
  it('answers lookups like the server registry', () => {
    const registry = clientRegistry(builtInFields, ['favorite']);
    expect(registry.get('age')?.operators).toContain('between');
    expect(registry.get('nope')).toBeUndefined();
    expect(registry.eventTypes).toEqual(['favorite']);
  });
});
