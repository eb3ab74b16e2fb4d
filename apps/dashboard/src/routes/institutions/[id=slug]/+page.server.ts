import { error } from '@sveltejs/kit';
import { institutionProfile } from '@puente/data/store';
import { institutionPage, isInstitutionId } from '$lib/components/institution/profile';
import { translator } from '$lib/i18n/translator';
import { getStore } from '$lib/server/store';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
  const tr = translator(locals.locale);
  // Only a well-formed id reaches the database; anything else (`..%2F..`, 10 kB of text) is simply not found.
  const profile = isInstitutionId(params.id) ? await institutionProfile(getStore(), params.id) : null;
  if (!profile) error(404, tr.t('errorPage.institutionNotFound'));
  return institutionPage(profile, {
    locale: locals.locale,
    labels: { completionRate: tr.t('institution.training.rate'), other: tr.t('institution.training.other') },
  });
};
