// The upload form's values and which files they hold. Inputs give FileLists; the import takes one file each.
import type { ImportFile } from './importTypes';
import { importFiles } from './importTypes';

/** What a file input yields: a FileList in the browser, any array-like of files in tests. */
export type FileListLike = ArrayLike<File> | null | undefined;

export type ImportFormValues = Record<ImportFile, FileListLike> & { strict: boolean };

export const emptyImportForm: ImportFormValues = {
  customers: undefined,
  orders: undefined,
  events: undefined,
  products: undefined,
  strict: false,
};

export function chosenFiles(values: ImportFormValues): Partial<Record<ImportFile, File>> {
  const out: Partial<Record<ImportFile, File>> = {};
  for (const name of importFiles) {
    const file = values[name]?.[0];
    if (file) out[name] = file;
  }
  return out;
}

/** Columns the data contract requires in each file, shown as a hint under its input. */
export const requiredColumns: Record<ImportFile, string[]> = {
  customers: ['customer_id'],
  orders: ['order_id', 'customer_id', 'ordered_at', 'amount'],
  events: ['customer_id', 'event_type', 'occurred_at'],
  products: ['product_id'],
};
