// Words an import row error in the UI language. The server sends a stable `code` with `params` beside its
// English `reason`; a code this build has no words for (a newer server, a report stored before codes
// existed) or params missing a value its sentence needs show the server's English instead.
import type { inferOutput } from '@trpc/tanstack-react-query';
import type { Api } from '../../trpc';
import { formatNumber } from '../../ui/format';
import en from './locales/en.json';
import type { ImportRowError } from './importTypes';

type ServerRowErrorCode = NonNullable<inferOutput<Api['data']['importStatus']>['report']>['errors'][number]['code'];
type WordedCode = keyof typeof en.rowErrors extends infer K ? (K extends `${infer Code}_${'zero' | 'one' | 'other'}` ? Code : K) : never;
/** A code the server can send that locales/en.json has no sentence for is a compile error here. */
const everyCodeWorded: Exclude<ServerRowErrorCode, WordedCode> extends never ? true : Exclude<ServerRowErrorCode, WordedCode> = true;
void everyCodeWorded;

/** Where the sentences live in the i18next resources (features/data/locales, merged in i18n/resources.ts). */
export const rowErrorKeyPrefix = `data.rowErrors`;

const pluralSuffix = /_(zero|one|two|few|many|other)$/;

/** Code → the placeholders its English sentence uses (over all plural forms). */
const placeholdersByCode = new Map<string, Set<string>>();
for (const [key, text] of Object.entries(en.rowErrors as Record<string, string>)) {
  const code = key.replace(pluralSuffix, '');
  const names = placeholdersByCode.get(code) ?? new Set<string>();
  for (const m of text.matchAll(/\{\{(\w+)\}\}/g)) names.add(m[1]!);
  placeholdersByCode.set(code, names);
}

/** Codes whose sentence has plural forms, and the param that chooses the form. */
const countParam: Readonly<Record<string, string>> = { decimals: 'exponent' };

export interface RowErrorMessage {
  /** The full i18next key. */
  key: string;
  values: Record<string, string | number>;
}

/**
 * The translation key and interpolation values for an error, or null when it must be shown in English.
 * Numbers are formatted for `locale` (a line number reads 1,234 like the table's); `count` stays a number.
 */
export function rowErrorMessage(error: Pick<ImportRowError, 'code' | 'params'>, locale: string): RowErrorMessage | null {
  const { code, params } = error;
  if (typeof code !== 'string') return null;
  const needed = placeholdersByCode.get(code);
  if (!needed) return null;
  const given = params ?? {};
  for (const name of needed) if (!(name in given)) return null;
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(given)) values[name] = typeof value === 'number' ? formatNumber(value, locale) : value;
  const counted = countParam[code];
  if (counted !== undefined) {
    const count = given[counted];
    if (typeof count !== 'number') return null;
    values.count = count;
  }
  return { key: `${rowErrorKeyPrefix}.${code}`, values };
}

export type Translate = (key: string, values: Record<string, string | number>) => string;

/** The sentence to show for `error`: translated by `translate` when its code is known, else its English. */
export function rowErrorText(error: Pick<ImportRowError, 'code' | 'params' | 'reason'>, translate: Translate, locale: string): string {
  const message = rowErrorMessage(error, locale);
  // defaultValue: should the resources lack the key after all, the English beats a raw key.
  return message ? translate(message.key, { ...message.values, defaultValue: error.reason }) : error.reason;
}
