import type { ParamMatcher } from '@sveltejs/kit';
import { isId } from '$lib/ids';

/** `[id=slug]`: a malformed id matches no route, so it is a 404 before any load (or query) runs. */
export const match = ((param: string): boolean => isId(param)) satisfies ParamMatcher;
