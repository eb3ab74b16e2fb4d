/**
 * Ids in URLs (`/institutions/{id}`, `/network/detail/{id}`): checked against the CSV contract's slug rule before
 * anything is looked up. Imports only the contract, because the route matcher runs in the browser too.
 */
import { isSlug } from '@puente/data/schema';

/** Longest id a URL may carry; anything longer is answered 404 without a query. */
export const MAX_ID_LENGTH = 200;

/** Whether a path segment can be an id of the data: a slug (`[a-z0-9-]+`), at most `MAX_ID_LENGTH` long. */
export function isId(value: string): boolean {
  return value.length <= MAX_ID_LENGTH && isSlug(value);
}
