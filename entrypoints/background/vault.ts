/**
 * The background's hold on the vault. Protocol:
 * - The data key lives in this worker's memory (`session`) and is mirrored in `storage.session`,
 *   which Chrome keeps in memory only and never exposes to content scripts, so a worker restart
 *   resumes without asking again. It is never written to `storage.local` or IndexedDB.
 * - The header epoch last seen is kept in `storage.local`; an older header in IndexedDB (a rollback)
 *   is refused at unlock and resume.
 * - Wrong passphrases back off (lib/store/unlock-throttle.ts), persisted so a restart does not reset it.
 * - Auto-lock: an alarm `autoLockMinutes` after the last user action, and the OS screen lock.
 *   Locking zeroes the keys, clears the mirror and tells listeners (runs pause).
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { fromBase64, toBase64 } from '@/lib/crypto/bytes';
import type { VaultStatus } from '@/lib/messages';
import { err, ok, type Result } from '@/lib/result';
import { openUnderstudyDb } from '@/lib/store/db';
import {
  checkUnlockAllowed,
  parseThrottleState,
  recordUnlockFailure,
  recordUnlockSuccess,
} from '@/lib/store/unlock-throttle';
import {
  changePassphrase,
  createVault,
  resumeVault,
  unlockVault,
  type VaultSession,
  vaultExists,
  wipeVault,
} from '@/lib/store/vault';

const SESSION_KEY = 'vault.dataKey';
const EPOCH_KEY = 'vault.epoch';
const THROTTLE_KEY = 'vault.unlockThrottle';
const AUTO_LOCK_KEY = 'settings.autoLockMinutes';
const AUTO_LOCK_ALARM = 'auto-lock';
export const DEFAULT_AUTO_LOCK_MINUTES = 15;

export const db = openUnderstudyDb();
let session: VaultSession | null = null;
/** The resume in progress, or lock() removing the mirrored key (which resolves to null). */
let resuming: Promise<VaultSession | null> | null = null;
/** Bumped by every lock(), so a resume that started before it does not bring the session back. */
let lockGeneration = 0;
const lockListeners: (() => void)[] = [];
const BEFORE_LOCK_MAX_MS = 1000;

export function onLock(listener: () => void): void {
  lockListeners.push(listener);
}

/** Work that needs the keys one last time before they go (lines of the audit log still waiting). */
const beforeLockTasks: (() => Promise<void>)[] = [];

export function beforeLock(task: () => Promise<void>): void {
  beforeLockTasks.push(task);
}

async function readLocal<T>(key: string, schema: z.ZodType<T>, fallback: T): Promise<T> {
  const stored = await browser.storage.local.get(key);
  const parsed = schema.safeParse(stored[key]);
  return parsed.success ? parsed.data : fallback;
}

async function minEpoch(): Promise<number> {
  return readLocal(EPOCH_KEY, z.number().int().nonnegative(), 0);
}

async function rememberEpoch(current: VaultSession): Promise<void> {
  await browser.storage.local.set({ [EPOCH_KEY]: current.epoch });
}

export async function autoLockMinutes(): Promise<number> {
  return readLocal(AUTO_LOCK_KEY, z.number().int().min(1).max(1440), DEFAULT_AUTO_LOCK_MINUTES);
}

async function adopt(next: VaultSession): Promise<void> {
  session = next;
  const key = next.exportDataKey();
  if (key.ok) {
    await browser.storage.session.set({ [SESSION_KEY]: toBase64(key.value) });
    key.value.fill(0);
  }
  await rememberEpoch(next);
  await touch();
}

/** The unlocked session, resuming from the `storage.session` mirror after a worker restart. */
export async function currentSession(): Promise<VaultSession | null> {
  if (session && !session.isLocked) return session;
  if (resuming) return resuming;
  const attempt = (async () => {
    const generation = lockGeneration;
    const stored = await browser.storage.session.get(SESSION_KEY);
    const text = stored[SESSION_KEY];
    const key = typeof text === 'string' ? fromBase64(text) : undefined;
    if (!key) return null;
    const resumed = await resumeVault(db, key, { minEpoch: await minEpoch() });
    if (!resumed.ok) {
      await browser.storage.session.remove(SESSION_KEY);
      return null;
    }
    // Locked while resuming: the key read above is the one lock() is removing.
    if (generation !== lockGeneration) {
      resumed.value.lock();
      return null;
    }
    session = resumed.value;
    return session;
  })().finally(() => {
    if (resuming === attempt) resuming = null;
  });
  resuming = attempt;
  return attempt;
}

export async function requireSession(): Promise<Result<VaultSession, 'locked'>> {
  const current = await currentSession();
  return current
    ? ok(current)
    : err('locked', 'Understudy is locked. Unlock it from the toolbar popup, then try again.');
}

export async function status(): Promise<VaultStatus> {
  const exists = await vaultExists(db).catch(() => false);
  const unlocked = exists && (await currentSession()) !== null;
  const throttle = parseThrottleState((await browser.storage.local.get(THROTTLE_KEY))[THROTTLE_KEY]);
  const gate = checkUnlockAllowed(throttle, Date.now());
  return {
    state: !exists ? 'none' : unlocked ? 'unlocked' : 'locked',
    autoLockMinutes: await autoLockMinutes(),
    retryAfterMs: gate.allowed ? 0 : gate.retryAfterMs,
    quarantined: await db.quarantine.count().catch(() => 0),
  };
}

export async function create(passphrase: string): Promise<Result<VaultStatus, string>> {
  const created = await createVault(db, passphrase);
  if (!created.ok) return created;
  await adopt(created.value);
  return ok(await status());
}

export async function unlock(passphrase: string): Promise<Result<VaultStatus, string>> {
  const throttle = parseThrottleState((await browser.storage.local.get(THROTTLE_KEY))[THROTTLE_KEY]);
  const gate = checkUnlockAllowed(throttle, Date.now());
  if (!gate.allowed) {
    const seconds = Math.ceil(gate.retryAfterMs / 1000);
    return err('try-later', `Too many wrong tries. Wait ${seconds} second${seconds === 1 ? '' : 's'}, then try again.`);
  }
  const unlocked = await unlockVault(db, passphrase, { minEpoch: await minEpoch() });
  if (!unlocked.ok) {
    if (unlocked.error.code === 'wrong-passphrase') {
      await browser.storage.local.set({ [THROTTLE_KEY]: recordUnlockFailure(throttle, Date.now()) });
    }
    return unlocked;
  }
  await browser.storage.local.set({ [THROTTLE_KEY]: recordUnlockSuccess() });
  await adopt(unlocked.value);
  return ok(await status());
}

export async function lock(): Promise<VaultStatus> {
  // Bounded: a lock must happen even if a write hangs.
  await Promise.race([
    Promise.allSettled(beforeLockTasks.map((task) => task())),
    new Promise((resolve) => setTimeout(resolve, BEFORE_LOCK_MAX_MS)),
  ]);
  lockGeneration++;
  session?.lock();
  session = null;
  // Until the mirrored key is gone, a request must not resume the session from it.
  const removing = browser.storage.session.remove(SESSION_KEY).then(() => null);
  resuming = removing;
  await removing.finally(() => {
    if (resuming === removing) resuming = null;
  });
  await browser.alarms.clear(AUTO_LOCK_ALARM);
  for (const listener of lockListeners) listener();
  return status();
}

export async function rekey(current: string, next: string): Promise<Result<VaultStatus, string>> {
  const active = await requireSession();
  if (!active.ok) return active;
  const changed = await changePassphrase(active.value, current, next);
  if (!changed.ok) return changed;
  await rememberEpoch(active.value);
  return ok(await status());
}

export async function wipe(): Promise<Result<VaultStatus, string>> {
  await lock();
  const wiped = await wipeVault(db);
  if (!wiped.ok) return wiped;
  await browser.storage.local.remove([EPOCH_KEY, THROTTLE_KEY]);
  return ok(await status());
}

export async function setAutoLockMinutes(minutes: number): Promise<VaultStatus> {
  await browser.storage.local.set({ [AUTO_LOCK_KEY]: minutes });
  await touch();
  return status();
}

/** Pushes the auto-lock deadline back; called on every user action from an extension page. */
export async function touch(): Promise<void> {
  if (!session) return;
  await browser.alarms.create(AUTO_LOCK_ALARM, { delayInMinutes: await autoLockMinutes() });
}

export function watchForAutoLock(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === AUTO_LOCK_ALARM) void lock();
  });
  browser.idle.onStateChanged.addListener((state) => {
    if (state === 'locked') void lock();
  });
}
