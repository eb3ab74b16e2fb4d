import { OVERVIEW_CHARTS } from '$lib/charts/catalogue';
import { shareMenus } from '$lib/server/charts';
import { views } from '$lib/server/views';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
  const view = await views.overview(url, locals.locale);
  // On a phone the page draws the network upright; the wide one is for a laptop, and for files and embeds.
  const upright = await views.overviewUpright(url, locals.locale);
  return {
    ...view,
    phoneModel: upright.version === view.version ? upright.model : null,
    ...(await shareMenus(OVERVIEW_CHARTS, url.searchParams, view.version)),
  };
};
