import { error } from '@sveltejs/kit';
import { INSTITUTION_CHARTS } from '$lib/charts/catalogue';
import { isInstitutionId } from '$lib/components/institution/profile';
import { translator } from '$lib/i18n/translator';
import { shareMenus } from '$lib/server/charts';
import { views } from '$lib/server/views';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
  // Only a well-formed id reaches the database; anything else (`..%2F..`, 10 kB of text) is simply not found.
  const page = isInstitutionId(params.id) ? await views.institutionAt(params.id, locals.locale, null) : null;
  if (!page) error(404, translator(locals.locale).t('errorPage.institutionNotFound'));
  // Its charts' Share menus: scoped to this institution alone, which their signatures cover.
  const scope = new URLSearchParams({ institution: page.institution.id });
  return { ...page, ...(await shareMenus(INSTITUTION_CHARTS, scope, page.version)) };
};
