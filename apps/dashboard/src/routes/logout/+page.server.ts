import { redirect } from '@sveltejs/kit';
import { stopSession } from '$lib/server/auth/session';
import type { Actions, PageServerLoad } from './$types';

// Signing out changes state, so it is a POST (the header's form); a GET only leads back.
export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
  default: async ({ cookies, request }) => {
    await stopSession(cookies, request);
    redirect(303, '/');
  },
};
