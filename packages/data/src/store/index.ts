// Node-only entry of @puente/data: the DuckDB store, its versioned loads, users and the dashboard's queries.
export {
  LOAD_MEMORY_LIMIT,
  Store,
  StoreLockedError,
  StoreReadOnlyError,
  type OpenStoreOptions,
} from './store.js';
export { StoreDamagedError, type TotalsMismatch, type UndoneWrite } from './self-check.js';
export {
  load,
  checkUpload,
  listProblems,
  problemList,
  restore,
  listVersions,
  recordedFile,
  currentVersion,
  type LoadMode,
  type LoadProgress,
  type LoadRequest,
  type LoadResult,
  type ProblemList,
  type VersionInfo,
  type VersionFile,
} from './versions.js';
export * from './queries.js';
export { currentRows, knownKeys } from './keys.js';
export { compareVersions, type Changes, type TableChange } from './changes.js';
export {
  ROLES,
  addUser,
  authenticate,
  countUsers,
  createSession,
  createToken,
  endSession,
  endSessions,
  generatePassword,
  listUsers,
  removeUser,
  revokeTokens,
  userForSession,
  userForToken,
  type Role,
  type User,
  type UserInfo,
} from './users.js';
export { csvFilesOnDisk, readCsvFiles, SAMPLE_DATA_DIR } from './files.js';
export { fileSize, wholeFiles, type DiskFile, type LoadFile } from './sql-files.js';
export { mapInTurns, nextTurn } from './turns.js';
export { generatedFiles, type GenerateOptions } from '../generate/programme.js';
export { keepUpload, sha256, UploadsReadOnlyError } from './uploads.js';
export { toSafeNumber } from './values.js';
export { storedSecret } from './secrets.js';
export {
  AUDIT_ACTIONS,
  listAudit,
  recordAudit,
  type AuditAction,
  type AuditChannel,
  type AuditDetails,
  type AuditEntry,
  type AuditOutcome,
  type AuditPage,
  type AuditRecord,
} from './audit.js';

import path from 'node:path';

/** The database path: the explicit one, else env `PUENTE_DB`, else `.puente/puente.duckdb` in the working directory. */
export function resolveDbPath(explicit?: string): string {
  return path.resolve(explicit || process.env.PUENTE_DB || path.join('.puente', 'puente.duckdb'));
}
