/** Shared command-line handling for `npm run bench:<part>`: `--json`, repeated `--cases DIR`, `--help`. */
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
