/** Messages between the upload page and its worker (inspect.worker.ts). */
import type { ProblemCode, TableName } from '@puente/data';

export type InspectRequest =
  | { kind: 'inspect'; id: number; name: string; bytes: ArrayBuffer; encoding?: string; delimiter?: string }
  | { kind: 'row'; id: number; row: number }
  | { kind: 'forget'; id: number };

export interface PreviewRow {
  row: number;
  line: number;
  fields: string[];
}

export type InspectResponse =
  | { kind: 'progress'; id: number; share: number }
  | {
      kind: 'inspected';
      id: number;
      encoding: string;
      delimiter: string;
      header: string[];
      rows: PreviewRow[];
      rowCount: number;
      table: TableName | null;
    }
  | { kind: 'failed'; id: number; code: ProblemCode; encoding?: string }
  | { kind: 'row'; id: number; row: PreviewRow | null };
