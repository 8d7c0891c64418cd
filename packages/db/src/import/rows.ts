// Turns the rows of one CSV file into table rows: maps the header onto the contract's columns, parses and
// checks every cell, catches duplicate ids, and reports each problem with its line and column.
import { columnSpecs, idColumn, normalizeHeader, type ColumnSpec } from './columns';
import { excerpt, type ReportError } from './errors';
import type { IdRegistry } from './idRegistry';
import type { CsvFile } from './types';
import { rowProblems as problems } from './problems';
import { Bad, type ParseContext } from './values';

/** A valid row ready to write, with the customer it refers to (for orders and events). */
export interface ParsedRow {
  values: unknown[];
  customerId: string;
  line: number;
}

export class RowProcessor {
  /** Table columns of `values`, in order. */
  readonly columns: string[] = [];
  /** False when the header itself is unusable; the file is then not read further. */
  readonly usable: boolean;
  /** Unknown header columns: custom attributes for customers.csv, ignored elsewhere. */
  readonly extraColumns: string[] = [];
  private readonly present: { spec: ColumnSpec; index: number }[] = [];
  private readonly extras: { name: string; index: number }[] = [];
  private readonly width: number;
  private readonly idIndex: number;
  private readonly customerIndex: number;
  private readonly eventIndexes: { type: number; at: number; product: number; value: number } | null;
  private readonly updatedAt: string;

  constructor(
    readonly file: CsvFile,
    header: string[],
    private readonly ctx: ParseContext,
    private readonly report: ReportError,
    updatedAt: string,
    private readonly seenIds: IdRegistry,
  ) {
    this.updatedAt = updatedAt;
    const names = header.map(normalizeHeader);
    this.width = names.length;
    let usable = true;
    const seen = new Set<string>();
    names.forEach((name, i) => {
      if (name === '') return;
      if (seen.has(name)) {
        report(file, 1, name, header[i] ?? null, problems.duplicateColumn);
        usable = false;
      }
      seen.add(name);
    });
    const specs = columnSpecs[file];
    for (const spec of specs) {
      const index = names.indexOf(spec.name);
      if (index >= 0) this.present.push({ spec, index });
      else if (spec.required) {
        report(file, 1, spec.name, null, problems.missingColumn);
        usable = false;
      }
    }
    names.forEach((name, index) => {
      if (name !== '' && !specs.some((s) => s.name === name)) this.extras.push({ name, index });
    });
    this.extraColumns = this.extras.map((e) => e.name);
    this.usable = usable;

    if (file === 'events') this.columns.push('event_key');
    for (const { spec } of this.present) {
      this.columns.push(spec.name);
      if (spec.dayColumn) this.columns.push(spec.dayColumn);
    }
    if (file === 'customers') {
      if (this.extras.length > 0) this.columns.push('custom_attributes');
      this.columns.push('from_orders_only');
    }
    this.columns.push('updated_at');
    const id = idColumn[file];
    this.idIndex = id === null ? -1 : this.columns.indexOf(id);
    this.customerIndex = this.columns.indexOf('customer_id');
    this.eventIndexes =
      file === 'events'
        ? {
            type: this.columns.indexOf('event_type'),
            at: this.columns.indexOf('occurred_at'),
            product: this.columns.indexOf('product_id'),
            value: this.columns.indexOf('value'),
          }
        : null;
  }

  /** The row's table values, or null when it has errors (all of them reported). */
  process(fields: string[], line: number): ParsedRow | null {
    const { file, report } = this;
    if (fields.length !== this.width && !(fields.length > this.width && fields.slice(this.width).every((f) => f.trim() === ''))) {
      report(file, line, null, null, problems.fieldCount(this.width, fields.length));
      return null;
    }
    const values = new Array<unknown>(this.columns.length);
    let k = file === 'events' ? 1 : 0;
    let ok = true;
    let valueFailed = false;
    for (const { spec, index } of this.present) {
      const raw = fields[index]!;
      const cell = raw.trim();
      let value: unknown = null;
      if (cell === '') {
        if (spec.required) {
          report(file, line, spec.name, null, problems.empty);
          ok = false;
        }
      } else {
        value = spec.parse(cell, this.ctx);
        if (value instanceof Bad) {
          report(file, line, spec.name, excerpt(raw), value.problem);
          ok = false;
          value = null;
          if (spec.name === 'value') valueFailed = true;
        }
      }
      if (spec.dayColumn) {
        values[k++] = value === null ? null : cell;
        values[k++] = value;
      } else {
        values[k++] = value;
      }
    }
    if (file === 'customers') {
      if (this.extras.length > 0) values[k++] = this.customAttributes(fields);
      values[k++] = 0;
    }
    values[k] = this.updatedAt;
    if (this.eventIndexes) ok = this.finishEvent(values, line, valueFailed) && ok;
    if (this.idIndex >= 0) ok = this.checkUnique(values[this.idIndex], line) && ok;
    return ok ? { values, customerId: this.customerIndex >= 0 ? (values[this.customerIndex] as string) : '', line } : null;
  }

  /** Customer ids this file mentions (customers.csv), bad rows included: they are "in customers.csv". */
  idsSeen(): Iterable<string> {
    return this.seenIds.ids();
  }

  private checkUnique(id: unknown, line: number): boolean {
    if (typeof id !== 'string') return true;
    const first = this.seenIds.firstSeen(id, line);
    if (first === null) return true;
    const column = idColumn[this.file]!;
    this.report(this.file, line, column, id, problems.duplicate(column, first));
    return false;
  }

  /** JSON of the unknown columns; an empty cell is null so that re-importing it clears the attribute. */
  private customAttributes(fields: string[]): string {
    const attrs: Record<string, string | null> = {};
    for (const { name, index } of this.extras) {
      const cell = (fields[index] ?? '').trim();
      attrs[name] = cell === '' ? null : cell;
    }
    return JSON.stringify(attrs);
  }

  /** Sets the event key; a survey needs a CSAT value of 1–5 (a value that failed to parse is reported once). */
  private finishEvent(values: unknown[], line: number, valueFailed: boolean): boolean {
    const ix = this.eventIndexes!;
    const type = values[ix.type];
    const at = values[ix.at];
    const product = ix.product >= 0 ? values[ix.product] : null;
    const customer = values[this.customerIndex];
    values[0] = `${String(customer)}|${String(type)}|${String(at)}|${product === null ? '' : String(product)}`;
    if (typeof type !== 'string' || type.toLowerCase() !== 'survey') return true;
    const value = ix.value >= 0 ? values[ix.value] : null;
    if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5) return true;
    if (!valueFailed) this.report(this.file, line, 'value', value === null ? null : String(value), problems.survey);
    return false;
  }
}
