// Which Chromium the browser tests drive: $CHROMIUM_PATH, else the system's (Debian's /usr/bin/chromium),
// else undefined so Playwright uses its own download (`npx playwright install chromium` on a normal machine).
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** @returns {string | undefined} */
export function chromiumPath() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return CANDIDATES.find((p) => existsSync(p));
}
