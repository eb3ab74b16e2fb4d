import { fail } from '@sveltejs/kit';
import { runUpload } from '$lib/server/uploads/run';
import type { Actions, PageServerLoad } from './$types';

// A server load, though it returns nothing: a client-side navigation here then asks the server, whose access
// check sends whoever may not upload to sign in, instead of drawing the page from the browser's own data.
export const load: PageServerLoad = () => ({});

// The upload form posts here; without JavaScript too. The browser's preview is a convenience: this is the check.
export const actions: Actions = {
  default: async (event) => {
    const outcome = await runUpload(event);
    if (outcome.status === 201) return { loaded: outcome.body };
    return fail(outcome.status, outcome.body);
  },
};
