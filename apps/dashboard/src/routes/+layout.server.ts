import { views } from '$lib/server/views';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => ({
  locale: locals.locale,
  user: locals.user,
  filterOptions: await views.filterOptions(),
});
