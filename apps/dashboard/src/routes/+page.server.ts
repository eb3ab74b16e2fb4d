import { CHARTS } from '$lib/charts/catalogue';
import { shareSignatures } from '$lib/server/charts';
import { views } from '$lib/server/views';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
  const view = await views.overview(url, locals.locale);
  // What the Share menus need: embed signatures for this view's filters, and the date of its data version.
  const [shares, dates] = await Promise.all([
    shareSignatures(CHARTS, url.searchParams, view.version),
    views.versionDates(),
  ]);
  return { ...view, shares, versionDate: view.version === null ? null : (dates[view.version] ?? '') };
};
