// In-memory attribute and computed conditions: finds the field's column in SegmentData (as the registry's
// storage says) and runs the lowered test over it with the kernels. Mirrors sql/fieldSql.ts.
import type { Column, NumberColumn, SegmentData, StringColumn, TagsColumn } from '../data';
import { assertNever } from '../errors';
import type { FieldStorage } from '../fields';
import { numberPasses, type ScalarTest } from '../lower';
import { isNumericText } from '../registry';
import { codeIndex, flagIndex, unionOf } from './bitmapIndex';
import { Bitset } from './bitset';
import { buildLut, lutBits, nextDown, nextUp, notNullBits, numberSetBits, rangeBits } from './kernels';
import { tagsBits } from './tagKernels';

export function fieldConditionBits(data: SegmentData, storage: FieldStorage, test: ScalarTest): Bitset {
  const n = data.size;
  switch (storage.kind) {
    case 'number':
    case 'day':
    case 'isoDate':
      return numberBits(columnOf<NumberColumn>(data, storage.column, 'number'), n, test);
    case 'flag': {
      const col = columnOf<Extract<Column, { kind: 'flag' }>>(data, storage.column, 'flag');
      if (test.t === 'set') return test.negate ? Bitset.empty(n) : Bitset.full(n);
      if (test.t !== 'range') throw new Error(`A flag cannot take a ${test.t} test`);
      const ones = flagIndex(col.values, n);
      const wantOne = test.lo <= 1 && test.hi >= 1;
      const wantZero = test.lo <= 0 && test.hi >= 0;
      return wantOne && wantZero ? Bitset.full(n) : wantOne ? ones : wantZero ? ones.not() : Bitset.empty(n);
    }
    case 'text':
      return textBits(columnOf<StringColumn>(data, storage.column, 'string'), n, test);
    case 'tags':
      return tagBits(columnOf<TagsColumn>(data, storage.column, 'tags'), n, test);
    case 'custom': {
      // A key no customer has: every value is NULL.
      const col = data.customAttributes.get(storage.key) ?? { kind: 'string', codes: new Uint8Array(n), dict: [null] };
      return storage.numeric ? numericTextBits(col, n, test) : textBits(col, n, test);
    }
    default:
      return assertNever(storage);
  }
}

function columnOf<T extends Column>(data: SegmentData, column: string, kind: T['kind']): T {
  const col = data.columns.get(column);
  if (!col || col.kind !== kind) throw new Error(`SegmentData has no ${kind} column "${column}"`);
  return col as T;
}

const closedLo = (t: Extract<ScalarTest, { t: 'range' }>): number => (t.loOpen ? nextUp(t.lo) : t.lo);
const closedHi = (t: Extract<ScalarTest, { t: 'range' }>): number => (t.hiOpen ? nextDown(t.hi) : t.hi);

function numberBits(col: NumberColumn, n: number, test: ScalarTest): Bitset {
  const values = col.values;
  switch (test.t) {
    case 'range':
      return rangeBits(values, n, closedLo(test), closedHi(test));
    case 'neq':
      return notNullBits(values, n).andNotInPlace(rangeBits(values, n, test.value, test.value));
    case 'num_in': {
      const hits = numberSetBits(values, n, new Set(test.values));
      return test.negate ? notNullBits(values, n).andNotInPlace(hits) : hits;
    }
    case 'set':
      return test.negate ? notNullBits(values, n).not() : notNullBits(values, n);
    case 'text_in':
    case 'tags':
      throw new Error(`A number cannot take a ${test.t} test`);
    default:
      return assertNever(test);
  }
}

function textBits(col: StringColumn, n: number, test: ScalarTest): Bitset {
  switch (test.t) {
    case 'text_in': {
      const wanted = new Set(test.values);
      return codesBits(col, n, buildLut(col.dict, (v) => wanted.has(v) !== test.negate));
    }
    case 'set':
      return codesBits(col, n, buildLut(col.dict, () => !test.negate, test.negate));
    case 'range':
    case 'neq':
    case 'num_in':
    case 'tags':
      throw new Error(`Text cannot take a ${test.t} test`);
    default:
      return assertNever(test);
  }
}

/** Custom attributes whose values are all numbers: the test runs once per dictionary entry. */
function numericTextBits(col: StringColumn, n: number, test: ScalarTest): Bitset {
  const asNumber = (v: string): number => (isNumericText(v) ? Number(v) : NaN);
  if (test.t === 'set') return codesBits(col, n, buildLut(col.dict, (v) => !Number.isNaN(asNumber(v)) !== test.negate, test.negate));
  return codesBits(col, n, buildLut(col.dict, (v) => numberPasses(test, asNumber(v))));
}

/** Members whose code passes the lut: from the bitmap index for small dictionaries, else a scan. */
function codesBits(col: StringColumn, n: number, lut: Uint8Array): Bitset {
  const index = codeIndex(col, n);
  return index ? unionOf(index, lut, n) : lutBits(col.codes, n, lut);
}

function tagBits(col: TagsColumn, n: number, test: ScalarTest): Bitset {
  if (test.t === 'set') return tagsBits(col, n, test.negate ? 'unset' : 'set', []);
  if (test.t !== 'tags') throw new Error(`Tags cannot take a ${test.t} test`);
  return tagsBits(col, n, test.mode, test.values);
}
