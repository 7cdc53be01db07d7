/**
 * Recorder cost benchmark: how long recording one event takes in the page (describeElement = locators +
 * fingerprint), beside Playwright's selector generator and @medv/finder on the same elements in the same run.
 *
 *   npx tsx bench/recorder.ts [--json]
 *
 * Pages are generated deterministically at 1,000, 10,000 and 100,000 elements: header and sidebar navigation,
 * nested layout, tables with row actions, forms, lists, repeated cards and custom elements with open shadow roots.
 * Each tool is timed per element with performance.now() inside the page. Playwright's generator is slow on big
 * pages, so its samples are capped there (reported in the output).
 */

import { bundleForPage } from './lib/bundle';
import { parseBenchArgs, percentile, printJsonLast, ratio } from './lib/cli';
import { generatePage } from './locators/generate-page';

// Playwright reads PWDEBUG when it loads; `window.playwright` (its generator) exists only in console mode.
process.env.PWDEBUG = 'console';

const SIZES = [1_000, 10_000, 100_000] as const;
const SAMPLES = 300;
const SEED = 20_240_917;
const TOOLS = ['understudy', 'playwright', 'finder'] as const;
type Tool = (typeof TOOLS)[number];
/** Understudy's second pass over the same targets: its steady state once the page's JIT has warmed up. */
const WARM_ROW = 'understudy (2nd pass)';
/** Per-size sample caps for the slow generators, keeping the whole run within a few minutes on two cores. */
const SAMPLE_CAPS: Record<Tool, Record<number, number>> = {
  understudy: {},
  playwright: { 10000: 40, 100000: 5 },
  finder: { 10000: 60, 100000: 15 },
};
const TARGET_P99_MS: Record<number, number> = { 10000: 2, 100000: 16 };

const HELP = `Usage: npx tsx bench/recorder.ts [--json]

Times describeElement (Understudy), playwright.selector and @medv/finder per element on generated pages of
1,000 / 10,000 / 100,000 elements (${SAMPLES} sampled targets each; caps for slow tools on big pages). Each tool
first makes a few untimed warm-up calls; Understudy is then timed a second time over the same targets (its warm,
steady state). Targets are judged on the first pass.
  --json   print the figures as one JSON object on the last line
  --help   show this help`;

interface Stats {
  medianMs: number;
  p99Ms: number;
  samples: number;
}

function stats(durations: number[]): Stats {
  const sorted = [...durations].sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 1000) / 1000;
  return { medianMs: round(percentile(sorted, 50)), p99Ms: round(percentile(sorted, 99)), samples: sorted.length };
}

async function main(): Promise<number> {
  const args = parseBenchArgs();
  if (args.help) {
    console.log(HELP);
    return 0;
  }
  const bundle = await bundleForPage('bench/locators/recorder-entry.ts', '__recorderBench');
  const { launchChromium, newContext } = await import('./lib/browser');
  const browser = await launchChromium();
  const results: Record<string, Record<Tool, Stats>> = {};
  const warmRows: Record<string, Stats> = {};
  let failed = false;
  try {
    const context = await newContext(browser);
    for (const size of SIZES) {
      const page = await context.newPage();
      await page.setContent(generatePage(size), { waitUntil: 'load' });
      await page.addScriptTag({ content: bundle });
      await page.locator('body').count(); // creates Playwright's injected script, which installs window.playwright
      type Entry = typeof import('./locators/recorder-entry');
      const info = await page.evaluate(
        ([count, seed]) => (window as unknown as { __recorderBench: Entry }).__recorderBench.sample(count, seed),
        [SAMPLES, SEED] as const,
      );
      const row = {} as Record<Tool, Stats>;
      for (const tool of TOOLS) {
        const limit = SAMPLE_CAPS[tool][size] ?? SAMPLES;
        const durations = await page.evaluate(
          ([tool, limit]) => (window as unknown as { __recorderBench: Entry }).__recorderBench.time(tool, limit),
          [tool, limit] as const,
        );
        row[tool] = stats(durations);
      }
      const warm = stats(
        await page.evaluate(
          (limit) => (window as unknown as { __recorderBench: Entry }).__recorderBench.time('understudy', limit),
          SAMPLES,
        ),
      );
      results[String(size)] = row;
      const target = TARGET_P99_MS[size];
      if (target !== undefined && row.understudy.p99Ms >= target) failed = true;
      console.log(
        `\n${size.toLocaleString('en')} elements requested, ${info.elements.toLocaleString('en')} in light DOM; ${info.sampled} targets (${info.inShadow} in shadow roots)`,
      );
      console.log(
        `${'tool'.padEnd(12)}${'samples'.padStart(8)}${'median ms'.padStart(12)}${'p99 ms'.padStart(10)}${'median vs us'.padStart(15)}${'p99 vs us'.padStart(12)}`,
      );
      for (const tool of TOOLS) {
        const value = row[tool];
        const cap = value.samples < SAMPLES ? ` (capped at ${value.samples})` : '';
        console.log(
          `${tool.padEnd(12)}${String(value.samples).padStart(8)}${value.medianMs.toFixed(3).padStart(12)}${value.p99Ms.toFixed(3).padStart(10)}${ratio(value.medianMs, row.understudy.medianMs).padStart(15)}${ratio(value.p99Ms, row.understudy.p99Ms).padStart(12)}${cap}`,
        );
      }
      console.log(
        `${WARM_ROW}\n${''.padEnd(12)}${String(warm.samples).padStart(8)}${warm.medianMs.toFixed(3).padStart(12)}${warm.p99Ms.toFixed(3).padStart(10)}`,
      );
      warmRows[String(size)] = warm;
      if (target !== undefined) {
        // Judged on the first (cold) pass: the first events recorded on a freshly loaded page pay for the JIT too.
        console.log(
          `understudy p99 target < ${target} ms (first pass): ${row.understudy.p99Ms < target ? 'met' : 'MISSED'}`,
        );
      }
      await page.close();
    }
  } finally {
    await browser.close();
  }
  if (args.json) {
    const sizes = Object.fromEntries(
      Object.entries(results).map(([size, row]) => [
        size,
        {
          ...Object.fromEntries(
            TOOLS.map((tool) => [
              tool,
              { medianMs: row[tool].medianMs, p99Ms: row[tool].p99Ms, samples: row[tool].samples },
            ]),
          ),
          understudySecondPass: warmRows[size],
        },
      ]),
    );
    printJsonLast({ bench: 'recorder', sizes });
  }
  return failed ? 1 : 0;
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
