/** Diagnostics: `npx tsx bench/locators/profile.ts [size]` prints where recording time goes on a generated page. */

import { launchChromium } from '../lib/browser';
import { bundleForPage } from '../lib/bundle';
import { generatePage } from './generate-page';

const size = Number(process.argv[2] ?? 10_000);
const bundle = await bundleForPage('bench/locators/profile-entry.ts', '__profile');
const browser = await launchChromium();
const page = await browser.newPage();
await page.setContent(generatePage(size));
await page.addScriptTag({ content: bundle });
type Entry = typeof import('./profile-entry');
console.log(await page.evaluate(() => (window as unknown as { __profile: Entry }).__profile.profile()));
await browser.close();
