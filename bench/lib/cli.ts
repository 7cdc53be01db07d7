/** Shared command-line handling for `npm run bench:<part>`: `--json`, repeated `--cases DIR`, `--help`. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export interface BenchArgs {
  json: boolean;
  cases: string[];
  help: boolean;
  rest: string[];
}

export function parseBenchArgs(argv: readonly string[] = process.argv.slice(2)): BenchArgs {
  const args: BenchArgs = { json: false, cases: [], help: false, rest: [] };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] as string;
    if (arg === '--json') args.json = true;
    else if (arg === '--help' || arg === '-h') args.help = true;
    else if (arg === '--cases') {
      const dir = argv[++index];
      if (!dir) throw new Error('--cases needs a directory');
      args.cases.push(path.resolve(dir));
    } else if (arg.startsWith('--cases=')) args.cases.push(path.resolve(arg.slice('--cases='.length)));
    else args.rest.push(arg);
  }
  return args;
}

/** With `--json` the last printed line must be one JSON object holding the figures. */
export function printJsonLast(figures: object): void {
  console.log(JSON.stringify(figures));
}

export function ratio(ours: number, theirs: number): string {
  if (!Number.isFinite(ours) || !Number.isFinite(theirs) || theirs === 0) return 'n/a';
  return `${(ours / theirs).toFixed(2)}x`;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

/** Reads `flag N` (a positive integer) from `rest` and removes it; `fallback` when absent. */
export function readNumber(rest: string[], flag: string, fallback: number): number {
  const index = rest.indexOf(flag);
  if (index === -1) return fallback;
  const value = Number(rest[index + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${flag} needs a positive integer`);
  rest.splice(index, 2);
  return value;
}

/** `npm run build:test` (the parts that load the extension measure the current sources). */
export function buildTestExtension(root: string): number {
  const started = performance.now();
  const result = spawnSync('npm', ['run', 'build:test'], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout}\n${result.stderr}\n`);
    throw new Error('npm run build:test failed (output above); rerun with --no-build to use the last build');
  }
  return performance.now() - started;
}
