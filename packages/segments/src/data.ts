// The columnar data the in-memory evaluator reads: one row per customer (index i = customerIds[i]) plus
// orders and events grouped per customer (CSR offsets). packages/db's loadSegmentData fills it from the
// database; the benchmark and tests build it directly.

/** NULL in an Int32Array column. Range tests never reach it because their lower bound is clamped above it. */
export const NULL_INT = -2147483648;

/** Numbers: NaN (Float64Array) or NULL_INT (Int32Array) stands for NULL. Days are Int32 day numbers. */
export interface NumberColumn {
  readonly kind: 'number';
  readonly values: Float64Array | Int32Array;
}

/** 0/1 flags that are never NULL (opt-ins, has_email). */
export interface FlagColumn {
  readonly kind: 'flag';
  readonly values: Uint8Array;
}

/** Dictionary-encoded text: code 0 is NULL (and the empty string), dict[code] is the value otherwise. */
export interface StringColumn {
  readonly kind: 'string';
  readonly codes: Uint8Array | Uint16Array | Int32Array;
  /** dict[0] is null. */
  readonly dict: readonly (string | null)[];
}

/** A `;`-separated tag list per customer, as distinct dictionary ids: customer i's tags are
 *  ids[offsets[i] .. offsets[i + 1]). An empty list is "not set". */
export interface TagsColumn {
  readonly kind: 'tags';
  readonly offsets: Int32Array;
  readonly ids: Uint16Array | Int32Array;
  readonly dict: readonly string[];
}

export type Column = NumberColumn | FlagColumn | StringColumn | TagsColumn;

/** Orders strictly before the as-of day, sorted by customer then day: customer i's orders are
 *  offsets[i] .. offsets[i + 1]. */
export interface OrderColumns {
  readonly count: number;
  readonly offsets: Int32Array;
  readonly day: Int32Array;
  /** Minor units. */
  readonly amount: Float64Array | Int32Array;
  /** NULL_INT = unknown quantity. */
  readonly quantity: Int32Array;
  readonly category: StringColumn;
  readonly channel: StringColumn;
  /** 1 when a non-empty coupon code was used. */
  readonly couponUsed: Uint8Array;
  /** The largest day present (or -Infinity): windows that reach it can be scanned from the end. */
  readonly maxDay: number;
}

/** Events of one type strictly before the as-of day, sorted by customer then day (CSR like orders). */
export interface EventTypeColumns {
  readonly count: number;
  readonly offsets: Int32Array;
  readonly day: Int32Array;
  /** NaN = no value. */
  readonly value: Float64Array;
  /** Index into ProductColumns (the product dictionary), -1 = no product. */
  readonly product: Int32Array;
  readonly maxDay: number;
}

/** Every product id seen in the products table or in events; stock and category from the products table. */
export interface ProductColumns {
  readonly ids: readonly string[];
  /** NaN = unknown stock (also for ids only seen in events). */
  readonly stock: Float64Array;
  readonly category: StringColumn;
}

export interface SegmentData {
  /** Number of customers. */
  readonly size: number;
  /** Everything here is computed from data strictly before this day. */
  readonly asOfDay: number;
  /** customer_id of each index, in the order the database returned them. */
  readonly customerIds: readonly string[];
  /** customer_features columns by column name (the registry's `column`). */
  readonly columns: ReadonlyMap<string, Column>;
  /** custom_attributes values by key (strings as imported; the registry infers numeric keys). */
  readonly customAttributes: ReadonlyMap<string, StringColumn>;
  readonly orders: OrderColumns;
  readonly events: ReadonlyMap<string, EventTypeColumns>;
  readonly products: ProductColumns;
}

/** Bytes held by the typed arrays of a SegmentData (dictionaries and id strings not counted). */
export function dataFootprintBytes(data: SegmentData): number {
  let bytes = 0;
  const add = (c: Column): void => {
    if (c.kind === 'number' || c.kind === 'flag') bytes += c.values.byteLength;
    else if (c.kind === 'string') bytes += c.codes.byteLength;
    else bytes += c.offsets.byteLength + c.ids.byteLength;
  };
  for (const c of data.columns.values()) add(c);
  for (const c of data.customAttributes.values()) add(c);
  const o = data.orders;
  bytes += o.offsets.byteLength + o.day.byteLength + o.amount.byteLength + o.quantity.byteLength;
  bytes += o.category.codes.byteLength + o.channel.codes.byteLength + o.couponUsed.byteLength;
  for (const e of data.events.values()) {
    bytes += e.offsets.byteLength + e.day.byteLength + e.value.byteLength + e.product.byteLength;
  }
  bytes += data.products.stock.byteLength + data.products.category.codes.byteLength;
  return bytes;
}

/** Builds a StringColumn from values (null and '' become code 0); for tests, the benchmark and the loader. */
export function encodeStrings(values: readonly (string | null | undefined)[]): StringColumn {
  const enc = new StringEncoder();
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) codes[i] = enc.code(values[i]);
  return enc.finish(codes);
}

/** Incremental dictionary encoding, for loaders that stream rows. */
export class StringEncoder {
  private readonly index = new Map<string, number>();
  private readonly dict: (string | null)[] = [null];

  code(value: string | null | undefined): number {
    if (value == null || value === '') return 0;
    let c = this.index.get(value);
    if (c === undefined) {
      c = this.dict.length;
      this.dict.push(value);
      this.index.set(value, c);
    }
    return c;
  }

  get size(): number {
    return this.dict.length;
  }

  /** Packs codes into the narrowest typed array the dictionary allows. */
  finish(codes: Int32Array): StringColumn {
    const n = this.dict.length;
    const packed = n <= 256 ? Uint8Array.from(codes) : n <= 65_536 ? Uint16Array.from(codes) : codes;
    return { kind: 'string', codes: packed, dict: this.dict };
  }
}

/** Splits `a;b;;c` into distinct non-empty tags, exactly as the SQL side tests `;tag;` inside `;list;`. */
export function splitTags(text: string | null | undefined): string[] {
  if (text == null || text === '') return [];
  const out: string[] = [];
  for (const t of text.split(';')) if (t !== '' && !out.includes(t)) out.push(t);
  return out;
}

/** Builds a TagsColumn from `;`-separated texts. */
export function encodeTags(texts: readonly (string | null | undefined)[]): TagsColumn {
  const index = new Map<string, number>();
  const dict: string[] = [];
  const offsets = new Int32Array(texts.length + 1);
  const ids: number[] = [];
  for (let i = 0; i < texts.length; i++) {
    for (const t of splitTags(texts[i])) {
      let id = index.get(t);
      if (id === undefined) {
        id = dict.length;
        dict.push(t);
        index.set(t, id);
      }
      ids.push(id);
    }
    offsets[i + 1] = ids.length;
  }
  return {
    kind: 'tags',
    offsets,
    ids: dict.length <= 65_536 ? Uint16Array.from(ids) : Int32Array.from(ids),
    dict,
  };
}
