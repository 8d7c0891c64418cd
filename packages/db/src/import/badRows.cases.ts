// Table-driven bad-row cases of the CSV import, shared by the SQLite and PostgreSQL suites: each lists the
// exact errors expected, and every case must leave the database exactly as it was.
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KizunaDb } from '../client';
import { updateSettings } from '../settings';
import { importCsv } from './importCsv';
import { csv, rowsOf, snapshot } from './testHelpers';
import { rowProblems as problems, type RowProblem } from './problems';
import type { CsvFile, ImportOptions, RowError } from './types';

const O = 'order_id,customer_id,ordered_at,amount,quantity,category,channel,coupon_code\n';
const E = 'customer_id,event_type,occurred_at,product_id,value,properties\n';

interface BadCase {
  name: string;
  files: Partial<Record<CsvFile, string>>;
  options?: ImportOptions;
  setup?: (db: KizunaDb) => Promise<void>;
  errors: Partial<RowError>[];
}

const err = (file: CsvFile, line: number, column: string | null, value: string | null, problem: RowProblem): RowError => ({
  file, line, column, value, code: problem.code, params: problem.params, reason: problem.reason,
});

const badCases: BadCase[] = [
  { name: 'unparseable date', files: { orders: `${O}O1,C1,yesterday,100,1,,,\n` }, errors: [err('orders', 2, 'ordered_at', 'yesterday', problems.date)] },
  { name: 'impossible calendar date', files: { orders: `${O}O1,C1,2024-02-30,100,1,,,\n` }, errors: [err('orders', 2, 'ordered_at', '2024-02-30', problems.date)] },
  { name: 'bad birth date', files: { customers: 'customer_id,birth_date\nC1,31/12/1990\n' }, errors: [err('customers', 2, 'birth_date', '31/12/1990', problems.date)] },
  { name: 'negative quantity', files: { orders: `${O}O1,C1,2024-03-01,100,-1,,,\n` }, errors: [err('orders', 2, 'quantity', '-1', problems.quantity)] },
  { name: 'non-integer quantity', files: { orders: `${O}O1,C1,2024-03-01,100,1.5,,,\n` }, errors: [err('orders', 2, 'quantity', '1.5', problems.quantity)] },
  { name: 'amount not a number', files: { orders: `${O}O1,C1,2024-03-01,12a,1,,,\n` }, errors: [err('orders', 2, 'amount', '12a', problems.amount)] },
  { name: 'amount with thousands separator', files: { orders: `${O}O1,C1,2024-03-01,"1,200",1,,,\n` }, errors: [err('orders', 2, 'amount', '1,200', problems.amount)] },
  { name: 'amount with decimals in JPY', files: { orders: `${O}O1,C1,2024-03-01,100.5,1,,,\n` }, errors: [err('orders', 2, 'amount', '100.5', problems.decimals('JPY', 0))] },
  {
    name: 'amount with three decimals in USD',
    setup: async (db) => void (await updateSettings(db, { currency: 'USD' })),
    files: { orders: `${O}O1,C1,2024-03-01,1.005,1,,,\n` },
    errors: [err('orders', 2, 'amount', '1.005', problems.decimals('USD', 2))],
  },
  {
    name: 'missing required column (a file-level error; rows are not read)',
    files: { orders: 'order_id,customer_id,ordered_at\nO1,C1,bad-date\n' },
    errors: [err('orders', 1, 'amount', null, problems.missingColumn)],
  },
  { name: 'missing customer_id column', files: { customers: 'email\na@b.c\n' }, errors: [err('customers', 1, 'customer_id', null, problems.missingColumn)] },
  { name: 'empty required value', files: { orders: `${O}O1, ,2024-03-01,100,1,,,\n` }, errors: [err('orders', 2, 'customer_id', null, problems.empty)] },
  { name: 'duplicate order_id', files: { orders: `${O}O1,C1,2024-03-01,100,1,,,\nO2,C1,2024-03-01,100,1,,,\nO1,C1,2024-03-02,100,1,,,\n` }, errors: [err('orders', 4, 'order_id', 'O1', problems.duplicate('order_id', 2))] },
  { name: 'duplicate customer_id', files: { customers: 'customer_id\nC1\nC1\n' }, errors: [err('customers', 3, 'customer_id', 'C1', problems.duplicate('customer_id', 2))] },
  { name: 'duplicate product_id', files: { products: 'product_id,name\nP1,a\nP1,b\n' }, errors: [err('products', 3, 'product_id', 'P1', problems.duplicate('product_id', 2))] },
  { name: 'boolean not true/false/1/0/yes/no', files: { customers: 'customer_id,email_opt_in\nC1,maybe\n' }, errors: [err('customers', 2, 'email_opt_in', 'maybe', problems.boolean)] },
  { name: 'properties not valid JSON', files: { events: `${E}C1,page_view,2024-03-01,,,{oops}\n` }, errors: [err('events', 2, 'properties', '{oops}', problems.json)] },
  { name: 'properties not a JSON object', files: { events: `${E}C1,page_view,2024-03-01,,,"[1,2]"\n` }, errors: [err('events', 2, 'properties', '[1,2]', problems.jsonObject)] },
  { name: 'survey value above 5', files: { events: `${E}C1,survey,2024-03-01,,6,\n` }, errors: [err('events', 2, 'value', '6', problems.survey)] },
  { name: 'survey value 0', files: { events: `${E}C1,Survey,2024-03-01,,0,\n` }, errors: [err('events', 2, 'value', '0', problems.survey)] },
  { name: 'survey value missing', files: { events: `${E}C1,survey,2024-03-01,,,\n` }, errors: [err('events', 2, 'value', null, problems.survey)] },
  { name: 'survey value not a number (reported once)', files: { events: `${E}C1,survey,2024-03-01,,good,\n` }, errors: [err('events', 2, 'value', 'good', problems.number)] },
  { name: 'membership status outside the list', files: { customers: 'customer_id,membership_status\nC1,expired\n' }, errors: [err('customers', 2, 'membership_status', 'expired', problems.status)] },
  { name: 'negative price', files: { products: 'product_id,price\nP1,-5\n' }, errors: [err('products', 2, 'price', '-5', problems.negative)] },
  { name: 'wrong number of fields', files: { orders: `${O}O1,C1,2024-03-01\n` }, errors: [err('orders', 2, null, null, problems.fieldCount(8, 3))] },
  { name: 'the same column twice in the header', files: { customers: 'customer_id,Email,email\nC1,a,b\n' }, errors: [err('customers', 1, 'email', 'email', problems.duplicateColumn)] },
  { name: 'empty file', files: { products: '' }, errors: [err('products', 1, null, null, problems.emptyFile)] },
  {
    name: 'unclosed quote',
    files: { orders: `${O}O1,C1,2024-03-01,100,1,"books,,\nO2,C1,2024-03-01,100,1,,,\n` },
    errors: [{
      file: 'orders', line: 2, column: null, value: null, code: 'malformed',
      params: { detail: expect.any(String) as unknown as string },
      reason: expect.stringMatching(/^malformed CSV: /) as unknown as string,
    }],
  },
  {
    name: 'line numbers: a quoted multi-line field is one row, a blank line is a row',
    files: { orders: `${O}O1,C1,2024-03-01,100,1,"multi\r\nline",,\n\nO2,C1,bad,100,1,,,\n` },
    errors: [err('orders', 4, 'ordered_at', 'bad', problems.date)],
  },
  {
    name: 'every bad cell of a row is reported, in column order',
    files: { orders: `${O}O1,C1,someday,abc,-2,,,\n` },
    errors: [err('orders', 2, 'ordered_at', 'someday', problems.date), err('orders', 2, 'amount', 'abc', problems.amount), err('orders', 2, 'quantity', '-2', problems.quantity)],
  },
  {
    name: 'errors of several files, in import order',
    files: { orders: `${O}O1,C1,2024-03-01,x,1,,,\n`, customers: 'customer_id,sms_opt_in\nC1,perhaps\n' },
    errors: [err('customers', 2, 'sms_opt_in', 'perhaps', problems.boolean), err('orders', 2, 'amount', 'x', problems.amount)],
  },
  {
    name: 'strict: order and event for an unknown customer',
    options: { strict: true },
    setup: async (db) => void (await importCsv(db, { customers: csv('customer_id\nKNOWN\n') })),
    files: {
      customers: 'customer_id\nNEW\n',
      orders: `${O}O1,KNOWN,2024-03-01,100,1,,,\nO2,NEW,2024-03-01,100,1,,,\nO3,GHOST,2024-03-01,100,1,,,\n`,
      events: `${E}GHOST2,page_view,2024-03-01,,,\n`,
    },
    errors: [err('orders', 4, 'customer_id', 'GHOST', problems.unknownCustomer), err('events', 2, 'customer_id', 'GHOST2', problems.unknownCustomer)],
  },
];

export function badRowCases(open: () => Promise<KizunaDb>): void {
  describe('bad rows: nothing is written and every problem is reported', () => {
    let db: KizunaDb;
    beforeEach(async () => {
      db = await open();
    });
    afterEach(async () => {
      await db.close();
    });

    it.each(badCases)('$name', async ({ files, options, setup, errors }) => {
      await setup?.(db);
      const before = await snapshot(db);
      const sources = Object.fromEntries(Object.entries(files).map(([f, text]) => [f, csv(text)]));
      const report = await importCsv(db, sources, options);
      expect(report.ok).toBe(false);
      expect(report.errors).toEqual(errors);
      expect(report.errorCount).toBe(errors.length);
      expect(report.counts.orders).toEqual({ inserted: 0, updated: 0 });
      expect(report.customersCreatedFromOrders).toBe(0);
      expect(await snapshot(db)).toEqual(before);
      const [record] = (await rowsOf<{ id: string; status: string; error_count: number; errors: string }>(db, 'imports', 'started_at')).filter((r) => r.id === report.importId);
      expect(record).toMatchObject({ status: 'failed', error_count: errors.length });
      expect(JSON.parse(record!.errors)).toEqual(errors);
    });

    it('reports a file that cannot be read to its end as unreadable, not as malformed CSV', async () => {
      const before = await snapshot(db);
      const stream = () =>
        Readable.from(
          (async function* () {
            yield Buffer.from(`${O}O1,C1,2024-03-01,100,1,,,\n`);
            throw new Error('disk went away');
          })(),
        );
      const report = await importCsv(db, { orders: { stream } });
      expect(report.ok).toBe(false);
      expect(report.errors).toEqual([{ file: 'orders', line: expect.any(Number) as unknown as number, column: null, value: null, ...problems.unreadable('disk went away') }]);
      expect(report.errors[0]?.reason).toBe('cannot read the file: disk went away');
      expect(await snapshot(db)).toEqual(before);
    });

    it('keeps the first 1,000 errors and counts them all', async () => {
      const rows = Array.from({ length: 1500 }, (_, i) => `O${i},C1,not-a-date,100,1,,,`).join('\n');
      const report = await importCsv(db, { orders: csv(`${O}${rows}\n`) });
      expect(report.errorCount).toBe(1500);
      expect(report.errors).toHaveLength(1000);
      expect(report.errors[0]).toMatchObject({ line: 2, value: 'not-a-date' });
      expect(report.errors[999]).toMatchObject({ line: 1001 });
    });
  });
}
