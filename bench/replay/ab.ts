/**
 * Diagnostic for bench:replay (not part of `npm run bench`): replays the benchmark task with Understudy alone
 * from two or more built extensions, in alternating rounds (the order flips every round), and prints each
 * build's median wall time. Build each one first (`npm run build:test`, then copy .output-test/chrome-mv3
 * somewhere), so the same task on the same machine tells two versions of the code apart.
 *
 *   npx tsx bench/replay/ab.ts [--rounds N] [--steps N] DIR DIR [DIR…]
 */
import { startDemoSite } from '../../test/demo-site/server.mjs';
import { bundleForPage } from '../lib/bundle';
import { makePlan } from './plan';
import {
  launchUnderstudy,
  type PreparedTask,
  prepare,
  prepareTask,
  runTask,
  type UnderstudyBrowser,
} from './understudy';

function option(args: string[], name: string, fallback: number): number {
  const index = args.indexOf(name);
  if (index === -1) return fallback;
  const value = Number(args[index + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} needs a whole number`);
  args.splice(index, 2);
  return value;
}

const args = process.argv.slice(2);
if (args.includes('--help')) {
  console.log('Usage: npx tsx bench/replay/ab.ts [--rounds N] [--steps N] DIR DIR [DIR…]');
  process.exit(0);
}
const rounds = option(args, '--rounds', 8);
const steps = option(args, '--steps', 201);
if (args.length < 2) throw new Error('Name at least two built extension directories (see --help)');

const bundle = await bundleForPage('bench/replay/page-entry.ts', '__replayBench');
const demo = await startDemoSite({ port: 0 });
const plan = makePlan(demo.url, steps);
const builds: ({ dir: string; understudy: UnderstudyBrowser; walls: number[] } & Partial<PreparedTask>)[] = [];
try {
  for (const dir of args) {
    const build: (typeof builds)[number] = { dir, understudy: await launchUnderstudy([], dir), walls: [] };
    builds.push(build);
    await prepare(build.understudy, demo.url);
    Object.assign(build, await prepareTask(build.understudy, plan, bundle));
  }
  for (let round = 0; round < rounds; round++) {
    for (const { understudy, tab, taskId, tabId, walls } of round % 2 === 0 ? builds : [...builds].reverse()) {
      if (!tab || !taskId || tabId === undefined) throw new Error('A build was not prepared');
      await tab.goto('about:blank');
      walls.push((await runTask(understudy, taskId, tabId, plan.steps * 2000)).wallMs);
    }
  }
  for (const { dir, walls } of builds) {
    const sorted = [...walls].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
    console.log(`${dir}: median ${median.toFixed(0)} ms (${walls.map((wall) => wall.toFixed(0)).join(' ')})`);
  }
} finally {
  for (const { understudy } of builds) await understudy.close();
  await demo.close();
}
