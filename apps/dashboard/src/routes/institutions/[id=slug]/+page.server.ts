import { error } from '@sveltejs/kit';
import { isInstitutionId } from '$lib/components/institution/profile';
import { translator } from '$lib/i18n/translator';
import { views } from '$lib/server/views';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
  // Only a well-formed id reaches the database; anything else (`..%2F..`, 10 kB of text) is simply not found.
  const page = isInstitutionId(params.id) ? await views.institution(params.id, locals.locale) : null;
  if (!page) error(404, translator(locals.locale).t('errorPage.institutionNotFound'));
  return page;
};
