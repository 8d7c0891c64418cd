import { describe, expect, it } from 'vitest';
import { encodeStrings, type SegmentData } from './data';
import { coreFields, fieldCategories, operatorsByType, segmentColumns } from './fields';
import { createRegistry, describeFields, fieldValues, type FieldDef } from './registry';
import { segmentDataFromDataset } from './testing/buildData';
import { fixtureDataset } from './testing/fixture';

const data = segmentDataFromDataset(fixtureDataset());

describe('field registry', () => {
  it('registers every built-in field with its category, type and operators', () => {
    const registry = createRegistry();
    const ids = registry.fields.map((f) => f.id);
    for (const id of ['gender', 'age', 'tenure_days', 'recency_days', 'frequency', 'purchase_days', 'monetary', 'aov', 'r_score', 'f_score', 'm_score', 'interests', 'region', 'email_opt_in']) {
      expect(ids).toContain(id);
    }
    for (const f of registry.fields) {
      expect(fieldCategories).toContain(f.category);
      expect(f.operators).toEqual(operatorsByType[f.type]);
      expect(f.descriptionKey).toBe(`segments.fields.${f.id}`);
    }
    expect(registry.get('age')).toMatchObject({ kind: 'computed', category: 'demographic', type: 'number', unit: 'years' });
    expect(registry.get('interests')).toMatchObject({ kind: 'attribute', category: 'psychographic', type: 'tags' });
    expect(registry.get('nope')).toBeUndefined();
  });

  it('adds prediction fields only when their columns exist', () => {
    expect(createRegistry().get('predicted_clv')).toBeUndefined();
    expect(createRegistry({ availableColumns: ['predicted_clv', 'p_alive'] }).get('p_alive')).toMatchObject({ type: 'number', unit: 'probability' });
    const withColumn: SegmentData = { ...data, columns: new Map([...data.columns, ['predicted_clv', { kind: 'number', values: new Float64Array(data.size) }]]) };
    expect(createRegistry({ data: withColumn }).get('predicted_clv')).toMatchObject({ type: 'money', category: 'value' });
    expect(segmentColumns().find((c) => c.column === 'p_alive')).toEqual({ column: 'p_alive', storage: 'number', optional: true, table: 'customer_predictions' });
    expect(segmentColumns().filter((c) => c.table).map((c) => c.column)).toEqual(['predicted_clv', 'p_alive']);
  });

  it('registers custom attributes from the data, numeric when every value is a number', () => {
    const registry = createRegistry({ data });
    expect(registry.get('custom:tier')).toMatchObject({ category: 'custom', type: 'enum', storage: { kind: 'custom', key: 'tier', numeric: false } });
    expect(registry.get('custom:score')).toMatchObject({ type: 'number', storage: { kind: 'custom', key: 'score', numeric: true } });
  });

  it('skips custom keys that could not be bound safely, and refuses duplicates', () => {
    const registry = createRegistry({ customAttributes: [{ key: 'ok key', numeric: false }, { key: 'bad"key', numeric: false }, { key: 'x\\y', numeric: false }] });
    expect(registry.fields.filter((f) => f.category === 'custom').map((f) => f.id)).toEqual(['custom:ok key']);
    const dup: FieldDef = { ...registry.get('age')! };
    expect(() => createRegistry({ extraFields: [dup] })).toThrow(/registered twice/);
    const unsafe: FieldDef = { ...dup, id: 'evil', storage: { kind: 'number', column: 'age; DROP TABLE orders' } };
    expect(() => createRegistry({ extraFields: [unsafe] })).toThrow(/not a plain identifier/);
  });

  it('lists categorical values with counts from the data, most frequent first', () => {
    const registry = createRegistry({ data });
    expect(fieldValues(registry, data, 'gender')).toEqual([
      { value: 'female', count: 2 },
      { value: 'male', count: 1 },
      { value: 'other', count: 1 },
    ]);
    expect(fieldValues(registry, data, 'interests')).toEqual([
      { value: 'beauty', count: 2 },
      { value: 'fashion', count: 2 },
      { value: 'outdoor', count: 2 },
    ]);
    expect(fieldValues(registry, data, 'custom:tier')).toEqual([{ value: 'gold', count: 1 }]);
    expect(fieldValues(registry, data, 'age')).toEqual([]);
  });

  it('describes fields as plain JSON for the builder', () => {
    const described = describeFields(createRegistry({ data }));
    expect(JSON.parse(JSON.stringify(described))).toEqual(described);
    expect(described.find((f) => f.id === 'region')).toEqual({
      id: 'region',
      kind: 'attribute',
      category: 'geographic',
      type: 'enum',
      operators: operatorsByType.enum,
      descriptionKey: 'segments.fields.region',
      unit: null,
      hasValues: true,
    });
    // Loaded data always has the prediction columns (customer_predictions exists), so every core field is there.
    expect(described).toHaveLength(coreFields.length + 2);
  });

  it('offers the standard event types and those present in the data', () => {
    const withExtra: SegmentData = { ...data, events: new Map([...data.events, ['video_play', data.events.get('survey')!]]) };
    const types = createRegistry({ data: withExtra }).eventTypes;
    expect(types).toContain('cart_add');
    expect(types).toContain('video_play');
  });

  it('infers a custom attribute as text when any value is not a plain number', () => {
    const mixed: SegmentData = { ...data, customAttributes: new Map([['size', encodeStrings(['12', 'L', null, null, null])]]) };
    expect(createRegistry({ data: mixed }).get('custom:size')?.type).toBe('enum');
  });
});
