/** The layout's phone breakpoint (app.css and the pages' styles use the same width). */
const PHONE_QUERY = '(max-width: 640px)';

/**
 * The network page's chart on a phone (drawn about 330 px wide there): upright, where the wide drawing would be a
 * strip a few lines tall. Laid out on the server for an SVG chart, in the browser for a canvas one.
 */
export const UPRIGHT_NETWORK = { width: 400, height: 560, labelSize: 13 } as const;

/**
 * Calls `update` with whether the screen is a phone's, now and whenever that changes; returns the way to stop. For
 * an `$effect`: pages draw the wide chart on the server and switch to the upright one once the browser knows.
 */
export function followPhone(update: (phone: boolean) => void): () => void {
  const query = window.matchMedia(PHONE_QUERY);
  const changed = () => update(query.matches);
  changed();
  query.addEventListener('change', changed);
  return () => query.removeEventListener('change', changed);
}
