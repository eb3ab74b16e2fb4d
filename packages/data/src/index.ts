// Browser-safe entry of @puente/data: the CSV contract, decoding, parsing and validation.
// The DuckDB store is Node-only and lives behind `@puente/data/store`.
export * from './schema/tables.js';
export * from './schema/problems.js';
export * from './schema/filters.js';
export {
  decodeBytes,
  resolveEncoding,
  SUPPORTED_ENCODINGS,
  type Encoding,
  type DecodeOptions,
  type DecodeResult,
} from './csv/decode.js';
export {
  detectDelimiter,
  delimiterName,
  DELIMITERS,
  type DelimiterName,
  type DelimiterOptions,
  type DelimiterResult,
} from './csv/delimiter.js';
export { parseCsv, type CsvHeader, type CsvRecord, type CsvVisitor, type ParsedCsv } from './csv/parse.js';
export {
  foldName,
  canonicalColumn,
  tableNamed,
  tableFromFileName,
  tableFromHeader,
  mapColumns,
  type ColumnMap,
} from './csv/headers.js';
export type { Issue } from './csv/issue.js';
export {
  CellError,
  cellReader,
  readDate,
  readInteger,
  readDecimal,
  readSlug,
  readCountry,
  readUrl,
  enumReader,
  COUNTRY_CODES,
  DATE_YEARS,
  type CellReader,
} from './validation/values.js';
export {
  validateFiles,
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_PROBLEMS_PER_FILE,
  type UploadFile,
  type KnownKeys,
  type ValidateOptions,
  type ValidatedTable,
  type ValidationResult,
} from './validation/validate.js';
export { orphanProblem, type OrphanInput } from './validation/references.js';
export {
  formatMessage,
  MESSAGES,
  MESSAGE_IDS,
  messageCode,
  type MessageId,
  type MessageParams,
} from './messages/problems.js';
