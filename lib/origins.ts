/**
 * Exact web origins (scheme + host + port) and the Chrome match patterns that grant them.
 * The allow-list compares origins as whole strings after the URL parser has normalised them, so
 * look-alikes (`allowed.example.evil.test`, `https://allowed.example@evil.test`, other scheme or
 * port, Unicode vs punycode spellings that normalise differently) never match by prefix or suffix.
 */
import { err, ok, type Result } from './result';

export type OriginError = 'invalid-origin' | 'unsupported-scheme';

const SUPPORTED_SCHEMES = new Set(['http:', 'https:']);
const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };

/**
 * Parses what a user typed ("shop.example", "https://shop.example:8443/path") into an exact origin.
 * A bare host means https. Credentials in the URL are refused: they are a classic look-alike trick.
 */
export function parseOrigin(input: string): Result<string, OriginError> {
  const trimmed = input.trim();
  if (trimmed.length === 0 || trimmed.length > 2048) {
    return err('invalid-origin', 'Enter a site address such as https://shop.example.');
  }
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return err(
      'invalid-origin',
      `"${truncate(trimmed)}" is not a web address. Enter one such as https://shop.example.`,
    );
  }
  if (!SUPPORTED_SCHEMES.has(url.protocol)) {
    return err('unsupported-scheme', `Understudy works on http and https sites only, not ${url.protocol}`);
  }
  if (url.username || url.password) {
    return err('invalid-origin', 'A site address with a user name or password in it is not allowed.');
  }
  if (!url.hostname) {
    return err('invalid-origin', 'That address has no host name.');
  }
  return ok(url.origin);
}

/** The origin of a URL, or null when it has none Understudy can act on (about:, data:, file:, …). */
export function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return SUPPORTED_SCHEMES.has(parsed.protocol) ? parsed.origin : null;
  } catch {
    return null;
  }
}

/** Whether `origin` (already exact) is on the allow-list. Exact string equality only. */
export function isOriginAllowed(origin: string | null, allowList: readonly string[]): boolean {
  return origin !== null && allowList.includes(origin);
}

/**
 * The host-permission pattern that grants one origin. Chrome match patterns cannot name a port
 * reliably across browsers, so the pattern covers the host on every port; the exact allow-list
 * check on every message and step narrows it back to the one origin.
 */
export function hostPermissionPattern(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}

/**
 * Every pattern an allowed origin is granted: its pages, and its WebSocket address (ws: for http,
 * wss: for https), without which the network backstop cannot hold a socket a step opens.
 */
export function hostPermissionPatterns(origin: string): string[] {
  const url = new URL(origin);
  return [hostPermissionPattern(origin), `${url.protocol === 'https:' ? 'wss' : 'ws'}://${url.hostname}/*`];
}

/** The content-script match pattern for one exact origin (port included where Chrome accepts it). */
export function contentScriptPattern(origin: string): string {
  const url = new URL(origin);
  const port = url.port && url.port !== DEFAULT_PORTS[url.protocol] ? `:${url.port}` : '';
  return `${url.protocol}//${url.hostname}${port}/*`;
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
