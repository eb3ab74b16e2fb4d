import { fail, redirect } from '@sveltejs/kit';
import { authenticate } from '@puente/data/store';
import { translator } from '$lib/i18n/translator';
import { audit } from '$lib/server/audit/record';
import { signInLimits } from '$lib/server/auth/rate-limit';
import { startSession } from '$lib/server/auth/session';
import { getStore } from '$lib/server/store';
import type { Actions, PageServerLoad } from './$types';

/** Where to go after signing in: a path on this site only, never another site (`//host`, `/\host`). */
function nextPath(url: URL): string {
  const next = url.searchParams.get('next') ?? '/';
  return /^\/(?![/\\])/.test(next) ? next : '/';
}

export const load: PageServerLoad = ({ locals, url }) => {
  if (locals.user) redirect(303, nextPath(url));
  return {};
};

export const actions: Actions = {
  default: async (event) => {
    const { request, cookies, url, locals, getClientAddress, setHeaders } = event;
    const form = await request.formData();
    const name = String(form.get('name') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const tr = translator(locals.locale);
    if (!name || !password) return fail(400, { name, message: tr.t('login.missing') });

    const address = getClientAddress();
    const nameKey = name.toLowerCase();
    const wait = Math.max(
      signInLimits.byName.retryAfter(nameKey),
      signInLimits.byAddress.retryAfter(address),
    );
    if (wait > 0) {
      setHeaders({ 'retry-after': String(wait) });
      return fail(429, { name, message: tr.t('login.tooMany', { minutes: Math.ceil(wait / 60) }) });
    }
    const user = await authenticate(getStore(), name, password);
    if (!user) {
      signInLimits.byName.fail(nameKey);
      signInLimits.byAddress.fail(address);
      // The name as typed, never the password.
      await audit(event, { actor: name, action: 'sign-in', ok: false });
      return fail(400, { name, message: tr.t('login.failed') });
    }
    signInLimits.byName.clear(nameKey);
    await startSession(cookies, request, user.name);
    await audit(event, { actor: user.name, action: 'sign-in', ok: true });
    redirect(303, nextPath(url));
  },
};
