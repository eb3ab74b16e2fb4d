// Run before the browser tests: with no system Chromium, fetch Playwright's own build (works where downloads do).
import { execFileSync } from 'node:child_process';
import { chromiumPath } from './browser.js';

if (!chromiumPath()) {
  console.log('No system Chromium found: installing Playwright’s Chromium.');
  execFileSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
}
