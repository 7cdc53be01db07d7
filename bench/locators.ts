/**
 * Locator robustness benchmark: records each case's target on before.html with every tool and replays on
 * after.html, scoring correct / refused / wrong as /work/shared/locator-cases/README.md defines.
 *
 *   npx tsx bench/locators.ts [--json] [--cases DIR ...]
 *
 * Tools, all in the same Chromium run:
 * - understudy: describeElement → JSON → TargetDescriptorSchema (as storage would) → resolveTarget.
 * - playwright: Playwright's own generator (`playwright.selector`, exposed with PWDEBUG=console) and strict
 *   resolution (`playwright.$$`: anything but exactly one match is a refusal). Its selectors pierce open shadow
 *   roots natively, so shadow cases need nothing special.
 * - finder: @medv/finder CSS selector, first `querySelector` match on replay (as Selenium IDE and Automa do).
 *   finder cannot pierce shadow roots, so it records one selector per scope (document, then each open shadow
 *   root, with `root` set to that scope) and replays them step by step, the way a user of it would.
 * - xpath: absolute XPath (/html/body/div[2]/…), first match; per scope like finder (./… inside shadow roots).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { z } from 'zod';
import { TargetDescriptorSchema } from '../lib/locators/schema';
import { bundleForPage } from './lib/bundle';
import { parseBenchArgs, printJsonLast } from './lib/cli';

// Playwright reads PWDEBUG when it loads, so it is set before the launcher is imported below.
process.env.PWDEBUG = 'console';

const ROOT = path.resolve(import.meta.dirname, '..');
const DEFAULT_CASE_DIRS = [path.join(ROOT, 'bench/cases/locators'), path.resolve(ROOT, '../shared/locator-cases')];
const TOOLS = ['understudy', 'playwright', 'finder', 'xpath'] as const;
type Tool = (typeof TOOLS)[number];
type Outcome = 'correct' | 'refused' | 'wrong';

const HELP = `Usage: npx tsx bench/locators.ts [--json] [--cases DIR ...]

Scores every case folder (before.html, after.html, case.json) directly under each DIR.
Default DIRs: bench/cases/locators and ../shared/locator-cases (relative to the repo root).
  --json   print the figures as one JSON object on the last line
  --help   show this help
Exits non-zero when a case is invalid (reported by name) or the run fails.
Environment: BENCH_VERBOSE=1 prints each case's outcomes also with --json; BENCH_EXPLAIN=1 prints, per
case, the recorded fingerprint and the best-scoring candidates on after.html with their names and the checks
they failed (the expected one starred and any that failed one check only, listed wherever they rank).`;

const ChainSchema = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);
const CaseSchema = z.object({
  action: z.enum(['click', 'fill', 'select', 'check']),
  target: ChainSchema,
  expect: ChainSchema.nullable(),
  change: z.string(),
  kind: z.string().optional(),
});
type CaseFile = z.infer<typeof CaseSchema>;

interface Case {
  name: string;
  dir: string;
  spec: CaseFile;
}

type Bench = typeof import('./locators/page-entry');
type Recorded = import('./locators/page-entry').Recorded;

const asChain = (value: string | string[]): string[] => (typeof value === 'string' ? [value] : value);

function loadCases(dirs: readonly string[], notes: string[], invalid: string[]): Case[] {
  const cases: Case[] = [];
  for (const dir of dirs) {
    if (!existsSync(dir)) {
      notes.push(`skipped ${dir}: not found`);
      continue;
    }
    const entries = readdirSync(dir)
      .filter((entry) => statSync(path.join(dir, entry)).isDirectory())
      .sort();
    if (entries.length === 0) notes.push(`${dir}: no cases`);
    for (const entry of entries) {
      const caseDir = path.join(dir, entry);
      const name = entry;
      const files = ['case.json', 'before.html', 'after.html'].filter((file) => !existsSync(path.join(caseDir, file)));
      if (files.length > 0) {
        invalid.push(`${name}: missing ${files.join(', ')}`);
        continue;
      }
      let raw: unknown;
      try {
        raw = JSON.parse(readFileSync(path.join(caseDir, 'case.json'), 'utf8'));
      } catch {
        invalid.push(`${name}: case.json is not valid JSON`);
        continue;
      }
      const parsed = CaseSchema.safeParse(raw);
      if (!parsed.success) {
        invalid.push(
          `${name}: case.json ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
        );
        continue;
      }
      const { target, expect } = parsed.data;
      if (expect !== null && asChain(target).length !== asChain(expect).length) {
        // Allowed by the format in principle, but a target that moved in or out of a shadow root is unusual: note it.
        notes.push(`${name}: target and expect have different shadow depths`);
      }
      cases.push({ name, dir: caseDir, spec: parsed.data });
    }
  }
  return cases;
}

async function openPage(page: Page, file: string, bundle: string): Promise<void> {
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  await page.addScriptTag({ content: bundle });
  // The console API (window.playwright) is installed with Playwright's injected script, created on first use.
  await page.locator('body').count();
}

async function record(page: Page, chain: string[]) {
  return page.evaluate(
    (chain) => (window as unknown as { __understudyBench: Bench }).__understudyBench.recordAll(chain),
    chain,
  );
}

async function replay(page: Page, expect: string[] | null, recorded: Recorded) {
  return page.evaluate(
    ({ expect, recorded }) =>
      (window as unknown as { __understudyBench: Bench }).__understudyBench.replayAll(expect, recorded),
    { expect, recorded },
  );
}

type Tally = Record<Outcome, number> & { wrongCases: string[] };
const emptyTally = (): Tally => ({ correct: 0, refused: 0, wrong: 0, wrongCases: [] });

function pct(part: number, whole: number): string {
  return whole === 0 ? '  -  ' : `${((100 * part) / whole).toFixed(1).padStart(5)}%`;
}

function printTable(title: string, tallies: Record<Tool, Tally>, total: number): void {
  console.log(`\n${title} (${total} cases)`);
  console.log(
    `${'tool'.padEnd(12)}${'correct'.padStart(16)}${'refused'.padStart(16)}${'wrong'.padStart(16)}  wrong cases`,
  );
  for (const tool of TOOLS) {
    const tally = tallies[tool];
    const cell = (count: number) => `${String(count).padStart(4)} ${pct(count, total)}`.padStart(16);
    console.log(
      `${tool.padEnd(12)}${cell(tally.correct)}${cell(tally.refused)}${cell(tally.wrong)}  ${tally.wrongCases.join(', ')}`,
    );
  }
}

async function main(): Promise<number> {
  const args = parseBenchArgs();
  if (args.help) {
    console.log(HELP);
    return 0;
  }
  const notes: string[] = [];
  const invalid: string[] = [];
  const cases = loadCases(args.cases.length > 0 ? args.cases : DEFAULT_CASE_DIRS, notes, invalid);

  const bundle = await bundleForPage('bench/locators/page-entry.ts', '__understudyBench');
  const { launchChromium, newContext } = await import('./lib/browser');
  const browser = await launchChromium();
  const all = Object.fromEntries(TOOLS.map((tool) => [tool, emptyTally()])) as Record<Tool, Tally>;
  const present = Object.fromEntries(TOOLS.map((tool) => [tool, emptyTally()])) as Record<Tool, Tally>;
  const removed = Object.fromEntries(TOOLS.map((tool) => [tool, emptyTally()])) as Record<Tool, Tally>;
  let scored = 0;
  let presentCount = 0;
  try {
    const context = await newContext(browser);
    const page = await context.newPage();
    for (const testCase of cases) {
      await openPage(page, path.join(testCase.dir, 'before.html'), bundle);
      if (
        !(await page.evaluate(() =>
          (window as unknown as { __understudyBench: Bench }).__understudyBench.playwrightAvailable(),
        ))
      ) {
        throw new Error('window.playwright is not exposed; Playwright generator unavailable');
      }
      const recorded = await record(page, asChain(testCase.spec.target));
      if ('invalid' in recorded) {
        invalid.push(`${testCase.name}: ${recorded.invalid}`);
        continue;
      }
      for (const [tool, message] of Object.entries(recorded.errors))
        notes.push(`${testCase.name}: ${tool} failed to record: ${message}`);
      // Storage round trip: what replay gets is what the schema accepts, never the live object.
      if (recorded.understudy) {
        const parsed = TargetDescriptorSchema.safeParse(JSON.parse(JSON.stringify(recorded.understudy)));
        if (!parsed.success)
          notes.push(`${testCase.name}: understudy descriptor rejected by schema: ${parsed.error.message}`);
        recorded.understudy = parsed.success ? parsed.data : null;
      }
      await openPage(page, path.join(testCase.dir, 'after.html'), bundle);
      const expect = testCase.spec.expect === null ? null : asChain(testCase.spec.expect);
      const result = await replay(page, expect, recorded);
      if ('invalid' in result) {
        invalid.push(`${testCase.name}: ${result.invalid}`);
        continue;
      }
      scored++;
      if (expect) presentCount++;
      const group = expect ? present : removed;
      for (const tool of TOOLS) {
        const outcome = result.outcomes[tool];
        for (const tally of [all[tool], group[tool]]) {
          tally[outcome]++;
          if (outcome === 'wrong') tally.wrongCases.push(testCase.name);
        }
      }
      if (process.env.BENCH_EXPLAIN && recorded.understudy) {
        console.log(
          await page.evaluate(
            ({ d, e }) => (window as unknown as { __understudyBench: Bench }).__understudyBench.explain(d as never, e),
            { d: recorded.understudy, e: expect },
          ),
        );
      }
      if (!args.json || process.env.BENCH_VERBOSE) {
        const marks = TOOLS.map((tool) => `${tool}=${result.outcomes[tool]}`).join(' ');
        console.log(`${testCase.name.padEnd(44)} ${marks}  [${result.detail}]`);
      }
    }
  } finally {
    await browser.close();
  }

  for (const note of notes) console.log(`note: ${note}`);
  printTable('All cases', all, scored);
  printTable('Target exists', present, presentCount);
  printTable('Target removed (expect: null)', removed, scored - presentCount);
  if (invalid.length > 0) {
    console.log(`\n${invalid.length} invalid case(s):`);
    for (const line of invalid) console.log(`  invalid: ${line}`);
  }
  if (args.json) {
    printJsonLast({
      bench: 'locators',
      cases: scored,
      tools: Object.fromEntries(
        TOOLS.map((tool) => [
          tool,
          {
            correct: all[tool].correct,
            refused: all[tool].refused,
            wrong: all[tool].wrong,
            wrongCases: all[tool].wrongCases,
          },
        ]),
      ),
    });
  }
  return invalid.length > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
