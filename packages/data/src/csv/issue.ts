import type { MessageId, MessageParams } from '../messages/problems.js';
import type { ProblemCode } from '../schema/problems.js';

/**
 * A problem as the readers find it: before it is attached to a file and table and worded in a locale.
 * `message` picks the wording (one code can have several), `params` fill it in.
 */
export interface Issue {
  code: ProblemCode;
  message: MessageId;
  row: number | null;
  line: number | null;
  column: string | null;
  value: string | null;
  params?: MessageParams;
}

export function fileIssue(code: ProblemCode, message: MessageId, params?: MessageParams): Issue {
  return params === undefined
    ? { code, message, row: null, line: null, column: null, value: null }
    : { code, message, row: null, line: null, column: null, value: null, params };
}
