/**
 * Bundles a TypeScript entry (e.g. code from lib/) into one IIFE string that can be injected into a
 * page with `page.addScriptTag({content})`, so benchmarks run exactly the code the extension ships.
 */
import path from 'node:path';
import { build } from 'esbuild';

const ROOT = path.resolve(import.meta.dirname, '../..');

export async function bundleForPage(entry: string, globalName: string): Promise<string> {
  const result = await build({
    entryPoints: [path.resolve(ROOT, entry)],
    bundle: true,
    format: 'iife',
    globalName,
    platform: 'browser',
    target: 'chrome120',
    write: false,
    alias: { '@': ROOT },
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error(`esbuild produced nothing for ${entry}`);
  return file.text;
}
