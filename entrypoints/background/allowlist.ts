/**
 * The allow-list adapter: the exact origins the user allowed, kept in `storage.local` (origins only,
 * like Chrome's own permission store), and the one content-script registration that covers them.
 * Host permission is requested by the extension page (it has the user gesture); the background only
 * records an origin once Chrome confirms the permission is held.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { contentScriptPattern, hostPermissionPattern, hostPermissionPatterns, parseOrigin } from '@/lib/origins';
import { err, ok, type Result } from '@/lib/result';

const STORAGE_KEY = 'allowlist';
const SCRIPT_ID = 'understudy-page';
const CONTENT_SCRIPT_FILE = 'content-scripts/content.js';
/** The page-world request sensor (entrypoints/request-sensor.content.ts): before any page script runs. */
const SENSOR_SCRIPT_ID = 'understudy-request-sensor';
const SENSOR_SCRIPT_FILE = 'content-scripts/request-sensor.js';
const StoredAllowList = z.array(z.string().max(2048)).max(1000);

let cache: string[] | null = null;

export async function readAllowList(): Promise<string[]> {
  if (cache) return cache;
  const stored = await browser.storage.local.get(STORAGE_KEY);
  const parsed = StoredAllowList.safeParse(stored[STORAGE_KEY] ?? []);
  // A corrupted list is treated as empty: failing closed never widens access.
  cache = parsed.success ? parsed.data.filter((origin) => parseOrigin(origin).ok) : [];
  return cache;
}

async function writeAllowList(origins: string[]): Promise<void> {
  cache = [...new Set(origins)].sort();
  await browser.storage.local.set({ [STORAGE_KEY]: cache });
  await syncContentScripts(cache);
}

export async function isAllowed(origin: string): Promise<boolean> {
  return (await readAllowList()).includes(origin);
}

export async function addOrigin(input: string): Promise<Result<string[], string>> {
  const parsed = parseOrigin(input);
  if (!parsed.ok) return parsed;
  const origin = parsed.value;
  const granted = await browser.permissions.contains({ origins: [hostPermissionPattern(origin)] });
  if (!granted) {
    return err(
      'permission-missing',
      `Chrome has not granted Understudy access to ${origin}. Allow it again and accept Chrome’s prompt.`,
    );
  }
  const current = await readAllowList();
  if (!current.includes(origin)) await writeAllowList([...current, origin]);
  return ok(await readAllowList());
}

export async function removeOrigin(input: string): Promise<Result<string[], string>> {
  const parsed = parseOrigin(input);
  if (!parsed.ok) return parsed;
  const remaining = (await readAllowList()).filter((origin) => origin !== parsed.value);
  await writeAllowList(remaining);
  // Give the host permission back when no other allowed origin still needs it.
  const pattern = hostPermissionPattern(parsed.value);
  if (!remaining.some((origin) => hostPermissionPattern(origin) === pattern)) {
    await browser.permissions.remove({ origins: hostPermissionPatterns(parsed.value) }).catch(() => false);
  }
  return ok(remaining);
}

/** When the user revokes access in Chrome's own settings, the origins it covered leave the list. */
export async function dropOriginsWithoutPermission(): Promise<void> {
  const current = await readAllowList();
  const kept: string[] = [];
  for (const origin of current) {
    if (await browser.permissions.contains({ origins: [hostPermissionPattern(origin)] })) kept.push(origin);
  }
  if (kept.length !== current.length) await writeAllowList(kept);
  else await syncContentScripts(current);
}

/** Registrations whose matches are exactly the allowed origins; none when the list is empty. */
async function syncContentScripts(origins: readonly string[]): Promise<void> {
  const ids = [SCRIPT_ID, SENSOR_SCRIPT_ID];
  const existing = await browser.scripting.getRegisteredContentScripts({ ids });
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: existing.map(({ id }) => id) });
  if (origins.length === 0) return;
  const matches = origins.map(contentScriptPattern);
  await browser.scripting.registerContentScripts([
    {
      id: SENSOR_SCRIPT_ID,
      js: [SENSOR_SCRIPT_FILE],
      matches,
      allFrames: true,
      runAt: 'document_start',
      world: 'MAIN',
      persistAcrossSessions: true,
    },
    {
      id: SCRIPT_ID,
      js: [CONTENT_SCRIPT_FILE],
      matches,
      allFrames: true,
      runAt: 'document_end',
      persistAcrossSessions: true,
    },
  ]);
}
