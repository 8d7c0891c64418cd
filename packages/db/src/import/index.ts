// CSV import: the public API of this folder.
export { importCsv } from './importCsv';
export { csvFiles } from './types';
export type { CsvFile, CsvSource, ImportCounts, ImportOptions, ImportProgress, ImportReport, RowError } from './types';
export { columnSpecs, normalizeHeader, type ColumnSpec } from './columns';
export { rowErrorCodes, rowProblems as importRowProblems, type RowErrorCode, type RowErrorParams, type RowProblem } from './problems';
