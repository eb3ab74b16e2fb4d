import { views } from '$lib/server/views';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url, locals }) => views.training(url, locals.locale);
