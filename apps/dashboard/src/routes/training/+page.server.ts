import { shareMenus } from '$lib/server/charts';
import { views } from '$lib/server/views';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
  const view = await views.training(url, locals.locale);
  return {
    ...view,
    ...(await shareMenus(
      ['training-volume', 'training-cities', 'training-completion'],
      url.searchParams,
      view.version,
    )),
  };
};
