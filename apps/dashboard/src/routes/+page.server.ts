import { views } from '$lib/server/views';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url, locals }) => views.overview(url, locals.locale);
