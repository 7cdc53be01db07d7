/**
 * Diagnostic: CPU-profiles vault operations (bench/vault/profile-page.ts) in Chromium via CDP and
 * prints the top functions by self time. Not part of bench:all.
 *
 *   OPS=write,listSummaries,summaryPhases,list,phases TOP=20 npx tsx bench/vault/profile.ts [records]
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { launchChromium } from '../lib/browser';
import { bundleForPage } from '../lib/bundle';

const NAME = '__vaultProfile';
type PageApi = Record<string, Record<string, (arg?: number) => unknown>>;
interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

function summarize(profile: { nodes: Node[]; samples: number[]; timeDeltas: number[] }, top = 25): string {
  const self = new Map<number, number>();
  profile.samples.forEach((id, index) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  });
  const byName = new Map<string, number>();
  for (const node of profile.nodes) {
    const key = `${node.callFrame.functionName || '(anon)'}:${node.callFrame.lineNumber}`;
    byName.set(key, (byName.get(key) ?? 0) + (self.get(node.id) ?? 0));
  }
  return [...byName.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, v]) => `  ${v.toFixed(0).padStart(6)} ms  ${k}`)
    .join('\n');
}

async function main() {
  const records = Number(process.argv[2] ?? 10000);
  const bundle = await bundleForPage('bench/vault/profile-page.ts', NAME);
  const server = http.createServer((_q, r) => {
    r.writeHead(200, { 'content-type': 'text/html' });
    r.end('<!doctype html><title>p</title>');
  });
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', res));
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.addScriptTag({ content: bundle });
    page.on('console', (message) => console.log(`[page] ${message.text()}`));
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    const call = (fn: string) =>
      page.evaluate(({ n, fn }) => (window as unknown as PageApi)[n]?.[fn]?.(), { n: NAME, fn });
    await page.evaluate(({ n, r }) => (window as unknown as PageApi)[n]?.setup?.(r), { n: NAME, r: records });
    for (const op of (process.env.OPS ?? 'write,list,phases,list,readById,list,phases').split(',')) {
      await cdp.send('Profiler.start');
      const result = await call(op);
      const { profile } = await cdp.send('Profiler.stop');
      console.log(`${op}: ${JSON.stringify(result)}`);
      if (process.env.TOP !== '0') console.log(summarize(profile as never, Number(process.env.TOP ?? 20)));
    }
    await call('teardown');
  } finally {
    await browser.close();
    server.close();
  }
}
main();
