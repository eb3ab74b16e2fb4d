import { filterOptions } from '@puente/data/store';
import { getStore } from '$lib/server/store';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => ({
  locale: locals.locale,
  filterOptions: await filterOptions(getStore()),
});
