import { loadMessages } from '$lib/i18n/translator';
import type { LayoutLoad } from './$types';

// The browser fetches the reader's language only; waiting for it here means every page renders with its messages.
export const load: LayoutLoad = async ({ data }) => {
  await loadMessages(data.locale);
  return data;
};
