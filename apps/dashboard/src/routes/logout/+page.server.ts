import { redirect } from '@sveltejs/kit';
import { audit } from '$lib/server/audit/record';
import { stopAllSessions, stopSession } from '$lib/server/auth/session';
import type { Actions, PageServerLoad } from './$types';

// Signing out changes state, so it is a POST (the header's form); a GET only leads back.
export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
  default: async (event) => {
    const { cookies, request, locals } = event;
    await stopSession(cookies, request);
    if (locals.user) await audit(event, { actor: locals.user.name, action: 'sign-out', ok: true });
    redirect(303, '/');
  },
  /** Every session of the signed-in user ends, in every browser. */
  everywhere: async (event) => {
    const { cookies, request, locals } = event;
    if (locals.user) {
      const sessions = await stopAllSessions(cookies, request, locals.user.name);
      await audit(event, { actor: locals.user.name, action: 'sign-out', ok: true, details: { sessions } });
    }
    redirect(303, '/');
  },
};
