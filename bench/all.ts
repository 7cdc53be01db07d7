/**
 * `npm run bench`: every benchmark part in turn, each as its own process (a fresh browser and clean
 * heap per part). Options after `--` are passed to every part (e.g. `--json`). Exits non-zero when a
 * part fails, after running the rest.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const PARTS = ['vault', 'recorder', 'locators', 'risk', 'replay', 'popup'] as const;

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(`Usage: npm run bench [-- --json]

Runs each part in turn: ${PARTS.join(', ')}.
Run one part alone with npm run bench:<part> (each takes --help).`);
  process.exit(0);
}

const failed: string[] = [];
for (const part of PARTS) {
  console.log(`\n=== bench:${part} ===`);
  const result = spawnSync('npx', ['tsx', path.join(import.meta.dirname, `${part}.ts`), ...args], { stdio: 'inherit' });
  if (result.status !== 0) failed.push(part);
}
if (failed.length > 0) {
  console.error(`\nThese parts failed: ${failed.join(', ')}`);
  process.exit(1);
}
