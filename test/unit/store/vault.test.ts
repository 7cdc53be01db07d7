/**
 * Vault lifecycle. scrypt at the enforced floor costs ~0.5–1.5 s per derivation here, so one vault
 * is shared by the whole file and tests run in order; each test notes the derivations it needs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { randomBytes } from '@/lib/crypto/bytes';
import { KDF_FLOOR } from '@/lib/crypto/kdf';
import { openUnderstudyDb, VAULT_HEADER_ID } from '@/lib/store/db';
import { parseHeader, unwrapDataKey, wrapDataKey } from '@/lib/store/header';
import {
  changePassphrase,
  createVault,
  resumeVault,
  unlockVault,
  type VaultSession,
  vaultExists,
  wipeVault,
} from '@/lib/store/vault';

const SLOW = 60_000;
const PASSPHRASE = 'correct horse battery';
const NEW_PASSPHRASE = 'staple quantum meadow';
const Task = z.strictObject({ title: z.string() });

const db = openUnderstudyDb(`vault-test-${crypto.randomUUID()}`);
let session: VaultSession;
let taskId: string;

async function headerJson(): Promise<string> {
  const row = await db.vault.get(VAULT_HEADER_ID);
  if (!row) throw new Error('no header');
  return row.json;
}

async function editHeader(edit: (header: Record<string, unknown>) => void): Promise<string> {
  const original = await headerJson();
  const header = JSON.parse(original) as Record<string, unknown>;
  edit(header);
  await db.vault.put({ id: VAULT_HEADER_ID, json: JSON.stringify(header) });
  return original;
}

async function restoreHeader(json: string): Promise<void> {
  await db.vault.put({ id: VAULT_HEADER_ID, json });
}

beforeAll(async () => {
  // 1 derivation.
  const progress: number[] = [];
  const created = await createVault(db, PASSPHRASE, { onProgress: (f) => progress.push(f) });
  if (!created.ok) throw new Error(created.error.message);
  session = created.value;
  expect(progress.at(-1)).toBe(1);
  const put = await session.put('tasks', undefined, { title: 'Renew library books' }, Task);
  if (!put.ok) throw new Error(put.error.message);
  taskId = put.value.id;
}, SLOW);

afterAll(() => db.delete());

describe('vault', () => {
  it('stores a header with the floor params, epoch 1 and no secret in clear', async () => {
    expect(await vaultExists(db)).toBe(true);
    const json = await headerJson();
    const parsed = parseHeader(json);
    expect(parsed.ok && parsed.value.epoch).toBe(1);
    expect(parsed.ok && { N: parsed.value.kdf.N, r: parsed.value.kdf.r, p: parsed.value.kdf.p }).toEqual(KDF_FLOOR);
    expect(json).not.toContain(PASSPHRASE);
    expect(session.epoch).toBe(1);
  });

  it('refuses to create a second vault and refuses short passphrases (no derivation)', async () => {
    const again = await createVault(db, PASSPHRASE);
    expect(!again.ok && again.error.code).toBe('vault-exists');
    const other = openUnderstudyDb(`vault-test-short-${crypto.randomUUID()}`);
    for (const passphrase of ['', 'short', '1234567']) {
      const short = await createVault(other, passphrase);
      expect(!short.ok && short.error.code).toBe('weak-passphrase');
    }
    expect(await vaultExists(other)).toBe(false);
    await other.delete();
  });

  it('refuses header params below the floor before deriving anything', async () => {
    const original = await editHeader((header) => {
      (header.kdf as Record<string, number>).N = 2 ** 16;
    });
    const unlocked = await unlockVault(db, PASSPHRASE);
    expect(!unlocked.ok && unlocked.error).toEqual({
      code: 'vault-too-weak',
      message: "This vault's settings are weaker than Understudy allows; it may have been tampered with.",
    });
    const resumed = await resumeVault(db, randomBytes(32));
    expect(!resumed.ok && resumed.error.code).toBe('vault-too-weak');
    await restoreHeader(original);
  });

  it('refuses header params above the ceiling', async () => {
    const original = await editHeader((header) => {
      (header.kdf as Record<string, number>).N = 2 ** 22;
    });
    const unlocked = await unlockVault(db, PASSPHRASE);
    expect(!unlocked.ok && unlocked.error.code).toBe('vault-too-costly');
    await restoreHeader(original);
  });

  it('binds the wrapped key to the KDF params: same KEK, changed params fails (no derivation)', () => {
    const kek = randomBytes(32);
    const dataKey = randomBytes(32);
    const kdf = { N: 2 ** 18, r: 8, p: 1, salt: randomBytes(32) };
    const wrappedKey = wrapDataKey(kek, dataKey, 1, kdf);
    const header = { version: 1, kdf, wrappedKey, epoch: 1, auditHead: null, mac: new Uint8Array(32) };
    expect(unwrapDataKey(kek, header)).toEqual(dataKey);
    expect(unwrapDataKey(kek, { ...header, kdf: { ...kdf, N: 2 ** 17 } })).toBeUndefined();
  });

  it('refuses a garbled header with a clear error', async () => {
    const original = await editHeader((header) => {
      header.wrappedKey = 'not base64!';
    });
    const unlocked = await unlockVault(db, PASSPHRASE);
    expect(!unlocked.ok && unlocked.error.code).toBe('vault-damaged');
    await restoreHeader(original);
  });

  it(
    'answers a wrong passphrase with one generic error and changes nothing (1 derivation)',
    async () => {
      const before = await headerJson();
      const rowsBefore = await db.tasks.toArray();
      const unlocked = await unlockVault(db, 'not the passphrase');
      expect(!unlocked.ok && unlocked.error.code).toBe('wrong-passphrase');
      expect(!unlocked.ok && unlocked.error.message).not.toContain('not the passphrase');
      expect(await headerJson()).toBe(before);
      expect(await db.tasks.toArray()).toEqual(rowsBefore);
    },
    SLOW,
  );

  it('resumes with the mirrored data key and refuses any other key (no derivation)', async () => {
    const exported = session.exportDataKey();
    if (!exported.ok) throw new Error('locked');
    const resumed = await resumeVault(db, exported.value);
    if (!resumed.ok) throw new Error(resumed.error.message);
    expect(await resumed.value.get('tasks', taskId, Task)).toEqual({
      ok: true,
      value: { title: 'Renew library books' },
    });
    resumed.value.lock();
    const wrong = await resumeVault(db, randomBytes(32));
    expect(!wrong.ok && wrong.error.code).toBe('wrong-key');
    const short = await resumeVault(db, new Uint8Array(16));
    expect(!short.ok && short.error.code).toBe('wrong-key');
  });

  it('detects a header whose MAC-protected fields were changed', async () => {
    const original = await editHeader((header) => {
      header.epoch = 99;
    });
    const exported = session.exportDataKey();
    if (!exported.ok) throw new Error('locked');
    const resumed = await resumeVault(db, exported.value);
    expect(!resumed.ok && resumed.error.code).toBe('wrong-key');
    await restoreHeader(original);
  });

  it('bumps the epoch on audit-head updates and refuses a rolled-back header (no derivation)', async () => {
    const oldHeader = await headerJson();
    const updated = await session.setAuditHead(randomBytes(32));
    expect(updated.ok && updated.value.epoch).toBe(2);
    expect(session.epoch).toBe(2);
    const head = session.auditHead();
    expect(head.ok && head.value?.length).toBe(32);

    const current = await headerJson();
    await restoreHeader(oldHeader);
    const exported = session.exportDataKey();
    if (!exported.ok) throw new Error('locked');
    const rolledBack = await resumeVault(db, exported.value, { minEpoch: session.epoch });
    expect(!rolledBack.ok && rolledBack.error.code).toBe('rollback-detected');
    const unlocked = await unlockVault(db, PASSPHRASE, { minEpoch: session.epoch });
    expect(!unlocked.ok && unlocked.error.code).toBe('rollback-detected');
    // A session that saw epoch 2 refuses to write over the older header.
    const conflict = await session.setAuditHead(randomBytes(32));
    expect(!conflict.ok && conflict.error.code).toBe('conflict');
    await restoreHeader(current);
  });

  it(
    'changes the passphrase: old fails, new works, records still readable, epoch bumped (5 derivations)',
    async () => {
      const wrongOld = await changePassphrase(session, 'wrong old passphrase', NEW_PASSPHRASE);
      expect(!wrongOld.ok && wrongOld.error.code).toBe('wrong-passphrase');
      const weakNew = await changePassphrase(session, PASSPHRASE, 'short');
      expect(!weakNew.ok && weakNew.error.code).toBe('weak-passphrase');

      const changed = await changePassphrase(session, PASSPHRASE, NEW_PASSPHRASE);
      expect(changed.ok && changed.value.epoch).toBe(3);
      expect(session.epoch).toBe(3);

      const withOld = await unlockVault(db, PASSPHRASE, { minEpoch: 3 });
      expect(!withOld.ok && withOld.error.code).toBe('wrong-passphrase');
      const withNew = await unlockVault(db, NEW_PASSPHRASE, { minEpoch: 3 });
      if (!withNew.ok) throw new Error(withNew.error.message);
      expect(await withNew.value.get('tasks', taskId, Task)).toEqual({
        ok: true,
        value: { title: 'Renew library books' },
      });
      expect(withNew.value.auditHead()).toEqual(session.auditHead());
      withNew.value.lock();
    },
    SLOW * 2,
  );

  it('locks: calls fail, and a locked session cannot change the passphrase', async () => {
    const exported = session.exportDataKey();
    session.lock();
    const got = await session.get('tasks', taskId, Task);
    expect(!got.ok && got.error.code).toBe('locked');
    const change = await changePassphrase(session, NEW_PASSPHRASE, 'another long passphrase');
    expect(!change.ok && change.error.code).toBe('locked');
    if (!exported.ok) throw new Error('locked');
    const resumed = await resumeVault(db, exported.value);
    expect(resumed.ok).toBe(true);
    if (resumed.ok) session = resumed.value;
  });

  it('wipes everything', async () => {
    session.lock();
    expect((await wipeVault(db)).ok).toBe(true);
    expect(await vaultExists(db)).toBe(false);
    expect(await db.tasks.count()).toBe(0);
    const unlocked = await unlockVault(db, NEW_PASSPHRASE);
    expect(!unlocked.ok && unlocked.error.code).toBe('no-vault');
  });
});
