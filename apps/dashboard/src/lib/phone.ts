/** The layout's phone breakpoint (app.css and the pages' styles use the same width). */
const PHONE_QUERY = '(max-width: 640px)';

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
