import { describe, expect, it } from 'vitest';
import { dayFromDate } from '../days';
import { ErrorCollector } from './errors';
import { normalizeHeader } from './columns';
import type { RowError } from './types';
import { rowProblems as problems } from './problems';
import { Bad, boolean, jsonObject, localDate, money, number, quantity, tagList, type ParseContext } from './values';

const jpy: ParseContext = { timeZone: 'Asia/Tokyo', currency: 'JPY', exponent: 0 };
const usd: ParseContext = { timeZone: 'America/New_York', currency: 'USD', exponent: 2 };
const kwd: ParseContext = { timeZone: 'Asia/Kuwait', currency: 'KWD', exponent: 3 };

describe('money', () => {
  it.each([
    ['1200', jpy, 1200],
    ['-15', jpy, -15],
    ['+7', jpy, 7],
    ['1200.00', jpy, 1200],
    ['0', jpy, 0],
    ['-0', jpy, 0],
    ['12.5', usd, 1250],
    ['12.05', usd, 1205],
    ['.5', usd, 50],
    ['-0.01', usd, -1],
    ['1.234', kwd, 1234],
    ['19.99', usd, 1999],
  ])('%s in %s is %i minor units', (cell, ctx, expected) => {
    expect(money(cell, ctx)).toBe(expected);
  });

  it.each([
    ['12.5', jpy, problems.decimals('JPY', 0)],
    ['1.005', usd, problems.decimals('USD', 2)],
    ['1,200', jpy, problems.amount],
    ['¥1200', jpy, problems.amount],
    ['1e3', jpy, problems.amount],
    ['abc', jpy, problems.amount],
    ['99999999999999999999', jpy, problems.tooLarge],
  ])('rejects %s in %s', (cell, ctx, problem) => {
    expect(money(cell, ctx)).toEqual(new Bad(problem));
  });
});

describe('cell parsers', () => {
  it('reads booleans in any case', () => {
    expect(['TRUE', 'false', '1', '0', 'Yes', 'NO'].map((c) => boolean(c, jpy))).toEqual([1, 0, 1, 0, 1, 0]);
    expect(boolean('y', jpy)).toEqual(new Bad(problems.boolean));
  });

  it('reads quantities as non-negative integers', () => {
    expect(quantity('3', jpy)).toBe(3);
    expect(quantity('0', jpy)).toBe(0);
    for (const bad of ['-1', '1.5', 'two']) expect(quantity(bad, jpy)).toEqual(new Bad(problems.quantity));
  });

  it('reads numbers, tags, JSON objects and local dates', () => {
    expect(number('4.5', jpy)).toBe(4.5);
    expect(number('4.5.1', jpy)).toEqual(new Bad(problems.number));
    expect(tagList(' a ;b;; c ', jpy)).toBe('a;b;c');
    expect(tagList(' ; ', jpy)).toBeNull();
    expect(jsonObject('{ "a" : 1 }', jpy)).toBe('{"a":1}');
    expect(jsonObject('null', jpy)).toEqual(new Bad(problems.jsonObject));
    expect(localDate('2024-03-01T20:00:00-05:00', jpy)).toBe('2024-03-02');
    expect(localDate('2024-03-01T20:00:00-05:00', usd)).toBe('2024-03-01');
    expect(localDate('2024-3-1', jpy)).toEqual(new Bad(problems.date));
    expect(dayFromDate('2024-03-02')).toBeGreaterThan(0);
  });

  it('normalizes header names', () => {
    expect(['\uFEFFcustomer_id', ' Customer ID ', 'EMAIL', 'sms-opt-in', 'Favorite  Color'].map(normalizeHeader)).toEqual([
      'customer_id', 'customer_id', 'email', 'sms_opt_in', 'favorite_color',
    ]);
  });
});

describe('ErrorCollector', () => {
  const e = (file: RowError['file'], line: number): RowError => ({ file, line, column: null, value: null, code: 'date', params: {}, reason: 'x' });

  it('keeps the first errors in file order even when they arrive late', () => {
    const c = new ErrorCollector(3);
    for (const err of [e('orders', 5), e('orders', 9), e('orders', 7), e('orders', 12), e('customers', 40), e('orders', 6), e('events', 2)]) c.add(err);
    expect(c.count).toBe(7);
    expect(c.list().map((x) => `${x.file}:${x.line}`)).toEqual(['customers:40', 'orders:5', 'orders:6']);
  });
});
