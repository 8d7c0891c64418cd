// Writes parsed rows to their table in batches, resolving the customers orders and events refer to:
// known ones pass, unknown ones become stub customers (or strict-mode errors) before the rows are written.
import { CompiledQuery } from 'kysely';
import { createUpserter, type Upserter, type UpsertOptions } from '../bulk';
import type { KizunaDb } from '../client';
import { idColumn, tableOf } from './columns';
import type { ReportError } from './errors';
import type { ParsedRow, RowProcessor } from './rows';
import { rowProblems } from './problems';

/** Customer ids known to exist (in the database or in this import's customers.csv), looked up lazily. */
export class KnownCustomers {
  private readonly known = new Set<string>();
  private readonly lookup: (ids: string[]) => Promise<string[]>;

  constructor(db: KizunaDb) {
    if (db.sqlite) {
      const stmt = db.sqlite.prepare('SELECT 1 FROM customers WHERE customer_id = ?').pluck();
      this.lookup = async (ids) => ids.filter((id) => stmt.get(id) !== undefined);
    } else {
      this.lookup = async (ids) => {
        const res = await db.kysely.executeQuery<{ customer_id: string }>(
          CompiledQuery.raw('SELECT customer_id FROM customers WHERE customer_id = ANY($1)', [ids]),
        );
        return res.rows.map((r) => r.customer_id);
      };
    }
  }

  add(id: string): void {
    this.known.add(id);
  }

  /** The ids that exist neither here nor in the database. */
  async missing(ids: Iterable<string>): Promise<string[]> {
    const unknownSet = new Set<string>();
    for (const id of ids) if (!this.known.has(id)) unknownSet.add(id);
    if (unknownSet.size === 0) return [];
    const unknown = [...unknownSet];
    for (const id of await this.lookup(unknown)) this.known.add(id);
    return unknown.filter((id) => !this.known.has(id));
  }
}

export interface SinkOptions {
  /** Resolves customer references (orders and events); absent for customers and products. */
  customers: KnownCustomers | null;
  strict: boolean;
  /** False once any error was found: rows are still checked but no longer written. */
  writing: () => boolean;
  report: ReportError;
  updatedAt: string;
}

const batchSize = 5_000;

const customAttributesMerge: UpsertOptions['updateExpressions'] = {
  custom_attributes: {
    // RFC 7396 merge: keys present replace, null values (empty cells) remove.
    sqlite: 'json_patch(customers.custom_attributes, excluded.custom_attributes)',
    postgres: 'jsonb_strip_nulls(customers.custom_attributes::jsonb || excluded.custom_attributes::jsonb)::text',
  },
};

export class TableSink {
  private batch: ParsedRow[] = [];
  private readonly rows: Upserter;
  private readonly stubs: Upserter;
  /** Stub customers written for orders and events whose customer was unknown. */
  stubsCreated = 0;

  constructor(
    db: KizunaDb,
    private readonly processor: RowProcessor,
    private readonly opts: SinkOptions,
  ) {
    const file = processor.file;
    const key = [idColumn[file] ?? 'event_key'];
    this.rows = createUpserter(db, tableOf[file], processor.columns, key, file === 'customers' ? { updateExpressions: customAttributesMerge } : {});
    this.stubs = createUpserter(db, 'customers', ['customer_id', 'from_orders_only', 'updated_at'], ['customer_id'], { update: [] });
  }

  /** Rows written so far. */
  get written(): number {
    return this.rows.written;
  }

  add(row: ParsedRow): Promise<void> | undefined {
    this.batch.push(row);
    return this.batch.length >= batchSize ? this.flush() : undefined;
  }

  async flush(): Promise<void> {
    const batch = this.batch;
    this.batch = [];
    const { customers, strict, writing } = this.opts;
    if (customers && (strict || writing())) {
      const missing = await customers.missing(batch.map((r) => r.customerId));
      if (missing.length > 0 && strict) {
        const unknown = new Set(missing);
        for (const r of batch) {
          if (unknown.has(r.customerId)) this.opts.report(this.processor.file, r.line, 'customer_id', r.customerId, rowProblems.unknownCustomer);
        }
      } else if (missing.length > 0 && writing()) {
        for (const id of missing) {
          const pending = this.stubs.add([id, 1, this.opts.updatedAt]);
          if (pending) await pending;
          customers.add(id);
        }
        // Stubs must exist before the rows that refer to them are sent.
        await this.stubs.flush();
        this.stubsCreated += missing.length;
      }
    }
    if (!writing()) return;
    for (const r of batch) {
      const pending = this.rows.add(r.values);
      if (pending) await pending;
    }
  }

  /** Writes what is left; call once at the end of the file. */
  async finish(): Promise<void> {
    await this.flush();
    if (this.opts.writing()) await this.rows.flush();
  }
}
