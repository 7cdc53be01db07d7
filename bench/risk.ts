/**
 * Risk classifier benchmark: loads each labelled page in Chromium, classifies every labelled step with
 * Understudy's classifier and with a naive keyword peer, and scores recall, precision and kind accuracy
 * as /work/shared/risk-cases/README.md defines.
 *
 *   npx tsx bench/risk.ts [--json] [--cases DIR ...]
 *
 * Pages load from file:// so relative form actions and links resolve the way the browser resolves them,
 * and the classifier reads the browser's own DOM (form owners, `.value`, parsed attributes). Both tools
 * run in the page from one esbuild bundle of bench/risk/page-entry.ts.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { launchChromium, newContext } from './lib/browser';
import { bundleForPage } from './lib/bundle';
import { parseBenchArgs, printJsonLast } from './lib/cli';
import type { PageOutcome } from './risk/page-entry';

const ROOT = path.resolve(import.meta.dirname, '..');
const DEFAULT_CASE_DIRS = [path.join(ROOT, 'bench/cases/risk'), path.resolve(ROOT, '../shared/risk-cases')];
const TOOLS = ['understudy', 'naive'] as const;
type Tool = (typeof TOOLS)[number];
const GLOBAL_NAME = 'UnderstudyRiskBench';
/** A page that does not finish loading in this time is reported as invalid, not waited on. */
const PAGE_LOAD_TIMEOUT_MS = 15_000;

const HELP = `Usage: npx tsx bench/risk.ts [--json] [--cases DIR ...]

Scores every case folder (page.html, labels.json) directly under each DIR with the Understudy risk
classifier and the naive keyword peer, in Chromium.
Default DIRs: bench/cases/risk and ../shared/risk-cases (relative to the repo root); a missing
default is skipped with a note, a missing --cases DIR is an error.
Labels are named case/index, index counting from 0 in labels.json.
  --json   print the figures as one JSON object on the last line
  --help   show this help
Exits non-zero when a case is invalid (reported by name) or the run fails.`;

const Verdict = z.enum(['submit', 'delete', 'outbound', 'none']);
const Expect = z
  .array(Verdict)
  .min(1)
  .refine((kinds) => new Set(kinds).size === kinds.length, 'expect lists a verdict twice')
  .refine((kinds) => !kinds.includes('none') || kinds.length === 1, '"none" cannot be combined with other verdicts')
  .refine(
    (kinds) => kinds.length === 1 || (kinds.length === 2 && kinds.includes('submit') && kinds.includes('outbound')),
    'the only two-verdict form is ["submit","outbound"]',
  );
const LabelSchema = z.object({
  target: z.string().min(1),
  action: z.enum(['click', 'press-enter', 'submit-form']),
  expect: Expect,
  why: z.string(),
});
const LabelsSchema = z.array(LabelSchema).min(1);
type Label = z.infer<typeof LabelSchema>;
type Kind = z.infer<typeof Verdict>;

interface Case {
  set: string;
  name: string;
  dir: string;
  labels: Label[];
}

interface Scored {
  id: string;
  set: string;
  why: string;
  expect: Kind[];
  got: Record<Tool, Kind>;
  reasons: string[];
}

interface Figures {
  labels: number;
  risky: number;
  recall: number;
  precision: number;
  kindAccuracy: number;
  missed: Scored[];
  needless: Scored[];
  wrongKind: Scored[];
}

function loadCases(dirs: readonly string[], explicit: boolean, notes: string[], invalid: string[]): Case[] {
  const cases: Case[] = [];
  for (const dir of dirs) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      if (explicit) invalid.push(`${dir}: no such directory`);
      else notes.push(`skipped ${dir}: not found`);
      continue;
    }
    const set = path.relative(ROOT, dir) || dir;
    const entries = readdirSync(dir)
      .filter((entry) => statSync(path.join(dir, entry)).isDirectory())
      .sort();
    if (entries.length === 0) notes.push(`${set}: no cases yet`);
    for (const name of entries) {
      const caseDir = path.join(dir, name);
      const missing = ['page.html', 'labels.json'].filter((file) => !existsSync(path.join(caseDir, file)));
      if (missing.length > 0) {
        invalid.push(`${name}: missing ${missing.join(', ')}`);
        continue;
      }
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(path.join(caseDir, 'labels.json'), 'utf8'));
      } catch (error) {
        invalid.push(`${name}: labels.json is not JSON (${(error as Error).message})`);
        continue;
      }
      const parsed = LabelsSchema.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        invalid.push(
          `${name}: labels.json ${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'is invalid'}`,
        );
        continue;
      }
      cases.push({ set, name, dir: caseDir, labels: parsed.data });
    }
  }
  // Two sets may hold a case with the same folder name; label ids must stay unique.
  const seen = new Map<string, number>();
  for (const item of cases) seen.set(item.name, (seen.get(item.name) ?? 0) + 1);
  for (const item of cases) if ((seen.get(item.name) ?? 0) > 1) item.name = `${item.set}:${item.name}`;
  return cases;
}

function isRisky(kinds: readonly Kind[]): boolean {
  return !kinds.includes('none');
}

function score(results: readonly Scored[], tool: Tool): Figures {
  const risky = results.filter((result) => isRisky(result.expect));
  const flagged = results.filter((result) => result.got[tool] !== 'none');
  const caught = risky.filter((result) => result.got[tool] !== 'none');
  const rightKind = caught.filter((result) => result.expect.includes(result.got[tool]));
  // An empty denominator means nothing could go wrong: report it as perfect rather than divide by zero.
  const fraction = (part: number, whole: number): number => (whole === 0 ? 1 : part / whole);
  return {
    labels: results.length,
    risky: risky.length,
    recall: fraction(caught.length, risky.length),
    precision: fraction(flagged.filter((result) => isRisky(result.expect)).length, flagged.length),
    kindAccuracy: fraction(rightKind.length, caught.length),
    missed: risky.filter((result) => result.got[tool] === 'none'),
    needless: flagged.filter((result) => !isRisky(result.expect)),
    wrongKind: caught.filter((result) => !result.expect.includes(result.got[tool])),
  };
}

const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;

function printTable(title: string, results: readonly Scored[]): void {
  console.log(`\n${title}: ${results.length} labels, ${results.filter((r) => isRisky(r.expect)).length} risky`);
  console.log(`  ${'tool'.padEnd(12)}${'recall'.padStart(9)}${'precision'.padStart(11)}${'kind acc.'.padStart(11)}`);
  for (const tool of TOOLS) {
    const figures = score(results, tool);
    console.log(
      `  ${tool.padEnd(12)}${percent(figures.recall).padStart(9)}${percent(figures.precision).padStart(11)}${percent(figures.kindAccuracy).padStart(11)}`,
    );
  }
}

function printDetails(results: readonly Scored[]): void {
  for (const tool of TOOLS) {
    const figures = score(results, tool);
    const lines = [
      ...figures.missed.map((r) => `  missed   ${r.id} (expected ${r.expect.join('/')}): ${r.why}`),
      ...figures.needless.map((r) => `  needless ${r.id} (said ${r.got[tool]}): ${r.why}`),
      ...figures.wrongKind.map(
        (r) => `  kind     ${r.id} (said ${r.got[tool]}, expected ${r.expect.join('/')}): ${r.why}`,
      ),
    ];
    console.log(`\n${tool}: ${lines.length === 0 ? 'no misses, needless prompts or wrong kinds' : ''}`);
    for (const line of lines) console.log(line);
    if (tool === 'understudy') {
      for (const r of [...figures.missed, ...figures.needless, ...figures.wrongKind]) {
        console.log(`    ${r.id}: ${r.reasons.join('; ') || '(no reasons)'}`);
      }
    }
  }
}

async function main(): Promise<number> {
  const args = parseBenchArgs();
  if (args.help) {
    console.log(HELP);
    return 0;
  }
  if (args.rest.length > 0) {
    console.error(`Unknown arguments: ${args.rest.join(' ')}\n\n${HELP}`);
    return 2;
  }
  const explicit = args.cases.length > 0;
  const notes: string[] = [];
  const invalid: string[] = [];
  const cases = loadCases(explicit ? args.cases : DEFAULT_CASE_DIRS, explicit, notes, invalid);
  const bundle = await bundleForPage('bench/risk/page-entry.ts', GLOBAL_NAME);

  const results: Scored[] = [];
  const browser = await launchChromium();
  try {
    const context = await newContext(browser);
    // Pages are static: nothing may leave the machine while they load.
    await context.route(/^(https?|wss?):/, (route) => route.abort());
    for (const item of cases) {
      const page = await context.newPage();
      try {
        await page.goto(pathToFileURL(path.join(item.dir, 'page.html')).href, {
          waitUntil: 'load',
          timeout: PAGE_LOAD_TIMEOUT_MS,
        });
        await page.addScriptTag({ content: bundle });
        const outcomes = (await page.evaluate(
          ({ labels, globalName }) => {
            const bench = (window as unknown as Record<string, { runLabels: (l: unknown) => unknown }>)[globalName];
            if (!bench) throw new Error('the classifier bundle did not load');
            return bench.runLabels(labels);
          },
          { labels: item.labels.map(({ target, action }) => ({ target, action })), globalName: GLOBAL_NAME },
        )) as PageOutcome[];
        const problems = outcomes.flatMap((outcome, index) =>
          outcome.ok ? [] : [`label ${index}: ${outcome.problem}`],
        );
        if (problems.length > 0) {
          invalid.push(`${item.name}: ${problems.join('; ')}`);
          continue;
        }
        outcomes.forEach((outcome, index) => {
          if (!outcome.ok) return;
          const label = item.labels[index] as Label;
          results.push({
            id: `${item.name}/${index}`,
            set: item.set,
            why: label.why,
            expect: label.expect,
            got: { understudy: outcome.understudy.kind, naive: outcome.naive },
            reasons: outcome.understudy.reasons,
          });
        });
      } catch (error) {
        invalid.push(`${item.name}: ${(error as Error).message.split('\n')[0]}`);
      } finally {
        await page.close();
      }
    }
  } finally {
    await browser.close();
  }

  for (const note of notes) console.log(`note: ${note}`);
  const sets = [...new Set(results.map((result) => result.set))];
  for (const set of sets) {
    printTable(
      set,
      results.filter((result) => result.set === set),
    );
  }
  if (sets.length > 1) printTable('all sets', results);
  printDetails(results);
  if (invalid.length > 0) {
    console.log(`\n${invalid.length} invalid case(s):`);
    for (const problem of invalid) console.log(`  ${problem}`);
  }

  if (args.json) {
    const tools: Record<string, object> = {};
    for (const tool of TOOLS) {
      const figures = score(results, tool);
      tools[tool] = {
        recall: figures.recall,
        precision: figures.precision,
        kindAccuracy: figures.kindAccuracy,
        missed: figures.missed.map((result) => result.id),
        needless: figures.needless.map((result) => result.id),
      };
    }
    printJsonLast({ bench: 'risk', labels: results.length, tools });
  }
  return invalid.length > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  },
);
