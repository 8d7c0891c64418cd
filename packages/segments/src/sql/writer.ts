// Collects bound parameters and hides the few places the two dialects differ: placeholders (`?` vs `$n`
// with an explicit cast so PostgreSQL never guesses a parameter's type), substring search and JSON access.
export type SqlDialect = 'sqlite' | 'postgres';

/** int: day numbers · num: any number compared as a double · text: strings. */
export type ParamType = 'int' | 'num' | 'text';

const pgCast: Record<ParamType, string> = { int: 'integer', num: 'double precision', text: 'text' };

export class SqlWriter {
  readonly params: unknown[] = [];

  constructor(
    readonly dialect: SqlDialect,
    private readonly paramOffset = 0,
  ) {}

  /** A placeholder for a bound value; values never enter the SQL text. */
  param(value: string | number, type: ParamType): string {
    this.params.push(value);
    if (this.dialect === 'sqlite') return '?';
    return `$${this.paramOffset + this.params.length}::${pgCast[type]}`;
  }

  list(values: readonly (string | number)[], type: ParamType): string {
    return values.map((v) => this.param(v, type)).join(', ');
  }

  /** 1-based position of `needle` in `haystack`, 0 when absent. */
  position(haystack: string, needle: string): string {
    return this.dialect === 'sqlite' ? `instr(${haystack}, ${needle})` : `strpos(${haystack}, ${needle})`;
  }

  /** A custom attribute's text (NULL when absent or empty). The key is bound, never written into the SQL. */
  customText(key: string): string {
    if (this.dialect === 'sqlite') {
      return `NULLIF(CAST(json_extract(cf.custom_attributes, ${this.param(`$."${key}"`, 'text')}) AS TEXT), '')`;
    }
    return `NULLIF(cf.custom_attributes::jsonb ->> ${this.param(key, 'text')}, '')`;
  }

  /**
   * Numeric text as a double; anything else NULL (the registry only makes a key numeric when all values
   * are). `expr` is called once per use because SQLite's `?` placeholders cannot be repeated.
   */
  numericText(expr: () => string): string {
    if (this.dialect === 'sqlite') {
      return `CASE WHEN ${expr()} GLOB '*[0-9]*' AND ${expr()} NOT GLOB '*[^0-9.-]*' THEN CAST(${expr()} AS REAL) END`;
    }
    return `CASE WHEN ${expr()} ~ '^-?[0-9]+(\\.[0-9]+)?$' THEN CAST(${expr()} AS double precision) END`;
  }

  /** The leading `YYYY-MM-DD` of a text column, NULL when it does not start like a date. */
  isoDatePrefix(column: string): string {
    if (this.dialect === 'sqlite') {
      return `CASE WHEN ${column} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' THEN substr(${column}, 1, 10) END`;
    }
    return `CASE WHEN ${column} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}' THEN substr(${column}, 1, 10) END`;
  }
}
