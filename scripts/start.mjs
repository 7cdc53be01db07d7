#!/usr/bin/env node
/**
 * `npm start`: builds Understudy, starts the bundled demo site on 127.0.0.1 and opens Chromium with
 * the extension loaded in a fresh profile. On a machine without a display: `xvfb-run npm start`.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startDemoSite } from '../test/demo-site/server.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const HELP = `Usage: npm start -- [--port N] [--variant normal|changed] [--no-browser]

Builds the extension (.output/chrome-mv3), starts the demo site and opens Chromium with Understudy
loaded. Allow the demo site from the toolbar popup ("Allow this site") to record on it.

  --port N          demo site port (default 4173; the cross-origin widget uses N+1)
  --variant V       "changed" serves the rebuilt site (new ids, classes, order) to try replay
  --no-browser      only build and serve (load .output/chrome-mv3 into your own Chrome by hand)
  CHROMIUM_PATH     Chromium binary (default /usr/bin/chromium)`;

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4173' },
    variant: { type: 'string', default: 'normal' },
    'no-browser': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(HELP);
  process.exit(0);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 1 || port > 65534) {
  console.error(`--port must be a number from 1 to 65534, not "${values.port}".`);
  process.exit(2);
}
if (values.variant !== 'normal' && values.variant !== 'changed') {
  console.error(`--variant must be "normal" or "changed", not "${values.variant}".`);
  process.exit(2);
}

const built = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
const extensionPath = path.join(ROOT, '.output/chrome-mv3');

const site = await startDemoSite({ port, crossOriginPort: port + 1, variant: values.variant });
console.log(`\nDemo site: ${site.url}  (cross-origin widget: ${site.crossOriginUrl})`);
console.log('Sign in as ada@example.test / correct horse battery staple');
console.log(`Extension build: ${extensionPath} (chrome://extensions → Developer mode → Load unpacked)`);

let browser = null;
if (!values['no-browser']) {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(chromium)) {
    console.error(`Chromium not found at ${chromium}: run "bash scripts/ensure-chromium.sh" or set CHROMIUM_PATH.`);
  } else {
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'understudy-profile-'));
    const args = [
      `--user-data-dir=${profile}`,
      `--disable-extensions-except=${extensionPath}`,
      `--load-extension=${extensionPath}`,
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      `${site.url}/login`,
    ];
    browser = spawn(chromium, args, { stdio: 'ignore' });
    browser.on('exit', () => stop());
    console.log('Chromium is open with Understudy loaded. Press Ctrl+C to stop.');
  }
}

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  browser?.kill();
  await site.close();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
