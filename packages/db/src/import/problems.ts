// Every problem an import reports, as a stable code with parameters (which the web words in the user's
// language) and the English sentence (`reason`, shown as is by the CLI, logs and API clients).

/** The stable names of import problems; the web keeps a translation for each. Never rename one. */
export const rowErrorCodes = [
  'missingColumn',
  'duplicateColumn',
  'emptyFile',
  'empty',
  'fieldCount',
  'malformed',
  'unreadable',
  'date',
  'amount',
  'decimals',
  'tooLarge',
  'negative',
  'quantity',
  'integer',
  'number',
  'boolean',
  'json',
  'jsonObject',
  'survey',
  'status',
  'duplicate',
  'unknownCustomer',
  'importFailed',
] as const;

export type RowErrorCode = (typeof rowErrorCodes)[number];

/** Values a code's sentence mentions (a count, a column name, a currency), by name. */
export type RowErrorParams = Readonly<Record<string, string | number>>;

export interface RowProblem {
  readonly code: RowErrorCode;
  readonly params: RowErrorParams;
  /** The English sentence. */
  readonly reason: string;
}

const noParams: RowErrorParams = Object.freeze({});

function problem(code: RowErrorCode, reason: string, params: RowErrorParams = noParams): RowProblem {
  return Object.freeze({ code, params, reason });
}

/** The problems without parameters are shared constants: a bad cell allocates nothing new for them. */
export const rowProblems = {
  missingColumn: problem('missingColumn', 'missing required column'),
  duplicateColumn: problem('duplicateColumn', 'column appears twice in the header'),
  emptyFile: problem('emptyFile', 'file is empty: expected a header row'),
  empty: problem('empty', 'required value is empty'),
  fieldCount: (expected: number, found: number) =>
    problem('fieldCount', `expected ${expected} fields, found ${found}`, { expected, found }),
  /** `detail` is the CSV parser's own (English) message. */
  malformed: (detail: string) => problem('malformed', `malformed CSV: ${detail}`, { detail }),
  unreadable: (detail: string) => problem('unreadable', `cannot read the file: ${detail}`, { detail }),
  date: problem('date', 'not a date: expected ISO 8601 such as 2024-03-01 or 2024-03-01T10:00:00+09:00'),
  amount: problem('amount', 'not an amount: expected a number such as 1200 or -15.50'),
  decimals: (currency: string, exponent: number) =>
    problem('decimals', `more than ${exponent} decimal place${exponent === 1 ? '' : 's'} for ${currency}`, { currency, exponent }),
  tooLarge: problem('tooLarge', 'number too large'),
  negative: problem('negative', 'must not be negative'),
  quantity: problem('quantity', 'quantity must be a non-negative integer'),
  integer: problem('integer', 'not an integer'),
  number: problem('number', 'not a number'),
  boolean: problem('boolean', 'not a boolean: expected true/false, 1/0 or yes/no'),
  json: problem('json', 'not valid JSON'),
  jsonObject: problem('jsonObject', 'properties must be a JSON object'),
  survey: problem('survey', 'survey value must be an integer from 1 to 5'),
  status: problem('status', 'membership_status must be active, paused or canceled'),
  duplicate: (column: string, firstLine: number) =>
    problem('duplicate', `duplicate ${column} (first seen on line ${firstLine})`, { column, firstLine }),
  unknownCustomer: problem('unknownCustomer', 'unknown customer: not in the database nor in customers.csv (strict mode)'),
  /** An unexpected failure (the database went away, say): `message` is the error's own text. */
  importFailed: (message: string) => problem('importFailed', `import failed: ${message}`, { message }),
} as const satisfies Record<RowErrorCode, RowProblem | ((...args: never[]) => RowProblem)>;
