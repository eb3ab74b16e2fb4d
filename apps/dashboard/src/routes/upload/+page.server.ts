import { fail } from '@sveltejs/kit';
import { runUpload } from '$lib/server/uploads/run';
import type { Actions } from './$types';

// The upload form posts here; without JavaScript too. The browser's preview is a convenience: this is the check.
export const actions: Actions = {
  default: async (event) => {
    const outcome = await runUpload(event);
    if (outcome.status === 201) return { loaded: outcome.body };
    return fail(outcome.status, outcome.body);
  },
};
