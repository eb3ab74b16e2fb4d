// Browser-safe entry of @puente/data: the CSV contract, decoding, parsing and validation.
// The DuckDB store is Node-only and lives behind `@puente/data/store`.
export * from './schema/tables.js';
export * from './schema/problems.js';
export * from './schema/filters.js';
