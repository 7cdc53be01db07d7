import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { ok } from '@/lib/result';
import { createRouter, type Handlers } from '@/lib/router';
import type { RawSender } from '@/lib/sender';

const self = { id: 'abcdefghijklmnopabcdefghijklmnop', origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop' };
const ALLOWED = 'http://127.0.0.1:4000';

const extensionPage: RawSender = { id: self.id, url: `${self.origin}/popup.html`, origin: self.origin };
const contentScript: RawSender = {
  id: self.id,
  url: `${ALLOWED}/contacts`,
  origin: ALLOWED,
  tab: { id: 7, url: `${ALLOWED}/contacts` },
  frameId: 0,
};

function setup() {
  const calls: string[] = [];
  // Only the handlers these tests exercise; the rest are never reached.
  const handlers = {
    'app:ping': async () => {
      calls.push('app:ping');
      return ok({ version: '1' });
    },
    'content:hello': async () => {
      calls.push('content:hello');
      return ok({ allowed: true as const, recording: false });
    },
    'tab:status': async ({ tabId }) => {
      calls.push('tab:status');
      return ok({ tabId, origin: null, allowed: false, contentScriptConnected: false, recordingFrames: 0 });
    },
    'allowlist:list': async () => ok({ origins: [] }),
    'allowlist:add': async () => {
      calls.push('allowlist:add');
      return ok({ origins: [] });
    },
    'allowlist:remove': async () => ok({ origins: [] }),
  } as Partial<Handlers> as Handlers;
  const onRefused = vi.fn();
  const route = createRouter({ self, handlers, isOriginAllowed: (origin) => origin === ALLOWED, onRefused });
  return { route, calls, onRefused };
}

describe('router', () => {
  it('runs the handler for a valid message from a permitted sender', async () => {
    const { route, calls } = setup();
    expect(await route({ type: 'app:ping' }, extensionPage)).toEqual({ ok: true, value: { version: '1' } });
    expect(await route({ type: 'content:hello', url: `${ALLOWED}/` }, contentScript)).toMatchObject({ ok: true });
    expect(calls).toEqual(['app:ping', 'content:hello']);
  });

  it('refuses unknown message types and wrong shapes without running any handler', async () => {
    const { route, calls } = setup();
    for (const raw of [
      null,
      'app:ping',
      42,
      [],
      {},
      { type: 'vault:dump' },
      { type: 'tab:status' },
      { type: 'tab:status', tabId: -1 },
      { type: 'tab:status', tabId: 1.5 },
      { type: 'tab:status', tabId: '3' },
      { type: 'app:ping', extra: true },
    ]) {
      expect(await route(raw, extensionPage)).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    }
    expect(calls).toEqual([]);
  });

  it('refuses a message carrying a __proto__ key', async () => {
    const { route, calls } = setup();
    const forged = JSON.parse('{"type":"app:ping","__proto__":{"admin":true}}');
    expect(await route(forged, extensionPage)).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    const nested = JSON.parse('{"type":"allowlist:add","origin":"https://a.example","__proto__":{"x":1}}');
    expect(await route(nested, extensionPage)).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    expect(calls).toEqual([]);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('refuses huge strings', async () => {
    const { route, calls } = setup();
    const huge = 'x'.repeat(5_000_000);
    expect(await route({ type: 'content:hello', url: huge }, contentScript)).toMatchObject({
      ok: false,
      error: { code: 'invalid-message' },
    });
    expect(await route({ type: 'allowlist:add', origin: huge }, extensionPage)).toMatchObject({ ok: false });
    expect(calls).toEqual([]);
  });

  it('refuses senders from other extensions or with no URL', async () => {
    const { route, calls } = setup();
    for (const sender of [
      { ...extensionPage, id: 'another-extension-id' },
      { ...extensionPage, url: undefined },
      {},
      { id: self.id, url: 'not a url' },
    ] as RawSender[]) {
      expect(await route({ type: 'app:ping' }, sender)).toMatchObject({
        ok: false,
        error: { code: 'forbidden-sender' },
      });
    }
    expect(calls).toEqual([]);
  });

  it('refuses extension-only messages from a content script, even on an allowed origin', async () => {
    const { route, calls } = setup();
    for (const raw of [
      { type: 'app:ping' },
      { type: 'tab:status', tabId: 7 },
      { type: 'allowlist:add', origin: 'https://evil.test' },
    ]) {
      expect(await route(raw, contentScript)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    }
    expect(calls).toEqual([]);
  });

  it('refuses content-script messages from an extension page', async () => {
    const { route } = setup();
    expect(await route({ type: 'content:hello', url: `${ALLOWED}/` }, extensionPage)).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
  });

  it('refuses a content script on an origin that is not allow-listed, including look-alikes', async () => {
    const { route, calls } = setup();
    for (const url of [
      'http://127.0.0.1:4001/',
      'https://127.0.0.1:4000/',
      'http://localhost:4000/',
      'http://127.0.0.1.evil.test:4000/',
      'http://127.0.0.1:4000@evil.test/',
    ]) {
      const origin = new URL(url).origin;
      const sender = { ...contentScript, url, origin, tab: { id: 7, url } };
      expect(await route({ type: 'content:hello', url }, sender)).toMatchObject({
        ok: false,
        error: { code: 'origin-not-allowed' },
      });
    }
    expect(calls).toEqual([]);
  });

  it('refuses frames whose reported origin disagrees with their URL (sandboxed, about:blank)', async () => {
    const { route, calls } = setup();
    const sandboxed = { ...contentScript, origin: 'null' };
    const aboutBlank = { ...contentScript, url: 'about:blank', origin: ALLOWED };
    const noTab = { ...contentScript, tab: undefined };
    for (const sender of [sandboxed, aboutBlank, noTab]) {
      expect(await route({ type: 'content:hello', url: `${ALLOWED}/` }, sender)).toMatchObject({ ok: false });
    }
    expect(calls).toEqual([]);
  });

  it('never lets a throwing handler leak its error text', async () => {
    const { route } = setup();
    const secretRoute = createRouter({
      self,
      isOriginAllowed: () => true,
      handlers: {
        ...({} as Handlers),
        'app:ping': async () => {
          throw new Error('passphrase=hunter2');
        },
      } as Handlers,
    });
    const reply = await secretRoute({ type: 'app:ping' }, extensionPage);
    expect(reply).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(reply)).not.toContain('hunter2');
    expect(await route({ type: 'app:ping' }, extensionPage)).toMatchObject({ ok: true });
  });

  it('reports every refusal without the message content', async () => {
    const { route, onRefused } = setup();
    await route({ type: 'allowlist:add', origin: 'https://secret-site.example', junk: 1 }, extensionPage);
    expect(onRefused).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(onRefused.mock.calls)).not.toContain('secret-site');
  });

  it('never runs a handler for arbitrary junk from any sender', async () => {
    const { route, calls } = setup();
    await fc.assert(
      fc.asyncProperty(fc.anything(), fc.constantFrom(extensionPage, contentScript), async (raw, sender) => {
        const reply = await route(raw, sender);
        if (reply.ok) {
          // Only a well-formed ping or hello can succeed.
          expect([
            'app:ping',
            'content:hello',
            'tab:status',
            'allowlist:list',
            'allowlist:add',
            'allowlist:remove',
          ]).toContain((raw as { type: string }).type);
        }
      }),
      { numRuns: 300 },
    );
    expect(calls.every((call) => typeof call === 'string')).toBe(true);
  });
});
