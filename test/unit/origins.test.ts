import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  contentScriptPattern,
  hostPermissionPattern,
  hostPermissionPatterns,
  isOriginAllowed,
  originOf,
  parseOrigin,
} from '@/lib/origins';

describe('parseOrigin', () => {
  it('normalises what a user types into an exact origin', () => {
    expect(parseOrigin('shop.example')).toEqual({ ok: true, value: 'https://shop.example' });
    expect(parseOrigin('  HTTPS://Shop.Example:443/cart?x=1 ')).toEqual({ ok: true, value: 'https://shop.example' });
    expect(parseOrigin('http://127.0.0.1:8080/path')).toEqual({ ok: true, value: 'http://127.0.0.1:8080' });
    expect(parseOrigin('https://bücher.example')).toEqual({ ok: true, value: 'https://xn--bcher-kva.example' });
  });

  it('refuses credentials, other schemes and junk with a plain message', () => {
    for (const input of [
      'https://allowed.example@evil.test',
      'https://user:pw@evil.test',
      'ftp://files.example',
      'javascript:alert(1)',
      'file:///etc/passwd',
      '',
      '   ',
      'http://',
    ]) {
      const result = parseOrigin(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message.length).toBeGreaterThan(10);
    }
  });
});

describe('isOriginAllowed', () => {
  const list = ['https://allowed.example', 'http://127.0.0.1:4000'];

  it('allows only the exact origin', () => {
    expect(isOriginAllowed('https://allowed.example', list)).toBe(true);
    expect(isOriginAllowed(originOf('https://allowed.example/a/b?c'), list)).toBe(true);
  });

  it('refuses look-alikes: subdomain tricks, credentials, scheme, port, punycode', () => {
    for (const url of [
      'https://allowed.example.evil.test/',
      'https://allowed.example@evil.test/',
      'http://allowed.example/',
      'https://allowed.example:8443/',
      'https://xn--allowed-example.test/',
      'https://allowed.examp1e/',
      'https://sub.allowed.example/',
      'http://127.0.0.1:4001/',
      'http://localhost:4000/',
    ]) {
      expect(isOriginAllowed(originOf(url), list)).toBe(false);
    }
    expect(isOriginAllowed(null, list)).toBe(false);
  });

  it('never allows an origin that is not in the list (property)', () => {
    fc.assert(
      fc.property(fc.webUrl(), (url) => {
        const origin = originOf(url);
        expect(isOriginAllowed(origin, list)).toBe(origin !== null && list.includes(origin));
      }),
    );
  });
});

describe('patterns', () => {
  it('builds the host permission and content-script patterns for an origin', () => {
    expect(hostPermissionPattern('http://127.0.0.1:4000')).toBe('http://127.0.0.1/*');
    // The WebSocket address of the same site, so the run backstop can hold sockets there too.
    expect(hostPermissionPatterns('http://127.0.0.1:4000')).toEqual(['http://127.0.0.1/*', 'ws://127.0.0.1/*']);
    expect(hostPermissionPatterns('https://crm.example')).toEqual(['https://crm.example/*', 'wss://crm.example/*']);
    expect(contentScriptPattern('http://127.0.0.1:4000')).toBe('http://127.0.0.1:4000/*');
    expect(contentScriptPattern('https://shop.example')).toBe('https://shop.example/*');
  });

  it('has no origin for pages Understudy cannot act on', () => {
    for (const url of [
      'about:blank',
      'chrome://settings',
      'data:text/html,x',
      'file:///tmp/a.html',
      undefined,
      'nonsense',
    ]) {
      expect(originOf(url)).toBeNull();
    }
  });
});
