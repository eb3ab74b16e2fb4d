import { redirect } from '@sveltejs/kit';
import { audit } from '$lib/server/audit/record';
import { stopAllSessions, stopSession } from '$lib/server/auth/session';
import type { Actions, PageServerLoad } from './$types';

// Signing out changes state, so it is a POST (the header's form); a GET only leads back.
export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
  /** Ends this browser's session, or with `scope=everywhere` every session of the user, in every browser. */
  default: async (event) => {
    const { cookies, request, locals } = event;
    const everywhere = (await request.formData().catch(() => null))?.get('scope') === 'everywhere';
    if (everywhere && locals.user) {
      const sessions = await stopAllSessions(cookies, request, locals.user.name);
      await audit(event, { actor: locals.user.name, action: 'sign-out', ok: true, details: { sessions } });
    } else {
      await stopSession(cookies, request);
      if (locals.user) await audit(event, { actor: locals.user.name, action: 'sign-out', ok: true });
    }
    redirect(303, '/');
  },
};
