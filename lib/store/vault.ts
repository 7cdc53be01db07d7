/**
 * Vault lifecycle: create, unlock with the passphrase, resume with a mirrored data key, change the
 * passphrase, wipe. Protocol:
 *
 * 1. create: random 256-bit data key; random 32-byte salt; scrypt(passphrase, salt) → KEK; header =
 *    {kdf, wrap(KEK, dataKey), epoch 1, mac}. Written only if no header exists (any orphaned rows
 *    left by a lost header are unreadable forever and are cleared in the same transaction).
 * 2. unlock: read + validate the header (floor/ceiling) → refuse epoch < minEpoch (rollback) →
 *    scrypt → unwrap (failure = the one generic 'wrong-passphrase') → check header MAC with the
 *    data key (failure = header fields were altered) → session. Nothing is written.
 * 3. resume (service-worker restart): the caller hands back the raw data key it mirrored in
 *    chrome.storage.session; the header MAC proves the key belongs to this vault. No scrypt.
 * 4. changePassphrase: derive the old KEK to confirm the old passphrase, wrap the same data key
 *    under a new salt + KEK, bump epoch, write with compare-and-swap in one transaction.
 *
 * Key hygiene: KEKs are zeroed right after use; the data key lives only in the session (zeroed by
 * lock()). Passphrases are JS strings and can't be zeroed; don't keep them around.
 */
import { randomBytes, zeroize } from '../crypto/bytes';
import {
  DEFAULT_KDF_PARAMS,
  type DeriveKeyOptions,
  derivePassphraseKey,
  type KdfParams,
  SALT_LENGTH,
  validateKdfParams,
} from '../crypto/kdf';
import { DATA_KEY_LENGTH } from '../crypto/subkeys';
import { err, ok, type Result } from '../result';
import { RECORD_TABLES, type UnderstudyDb, VAULT_HEADER_ID, type VaultHeaderRow } from './db';
import {
  type HeaderErrorCode,
  isHeaderMacValid,
  parseHeader,
  resealHeader,
  serializeHeader,
  unwrapDataKey,
  VAULT_FORMAT_VERSION,
  type VaultHeader,
  wrapDataKey,
} from './header';
import { type SessionErrorCode, VaultSession, WRONG_PASSPHRASE_MESSAGE } from './session';

export { VaultSession } from './session';

/** Shortest passphrase accepted, in characters (code points). */
export const MIN_PASSPHRASE_LENGTH = 8;
/** Longest passphrase accepted; scrypt would cope, but nobody types more and it bounds work. */
export const MAX_PASSPHRASE_LENGTH = 1024;
const INITIAL_EPOCH = 1;

export type VaultErrorCode =
  | HeaderErrorCode
  | 'no-vault'
  | 'vault-exists'
  | 'weak-passphrase'
  | 'wrong-passphrase'
  | 'wrong-key'
  | 'rollback-detected'
  | 'vault-tampered'
  | 'invalid-params'
  | 'storage-failed';

const STORAGE_MESSAGE =
  "Understudy couldn't read or write its storage. Check that the browser has free disk space, then try again.";
const NO_VAULT_MESSAGE = "Understudy hasn't been set up yet. Create a passphrase to start.";
const TAMPERED_MESSAGE =
  "Understudy's vault header was changed outside Understudy, so it was not trusted. Restore from an export or reset Understudy.";

export interface CreateVaultOptions {
  /** KDF parameters; must be within floor and ceiling. Defaults to DEFAULT_KDF_PARAMS. */
  params?: KdfParams;
  onProgress?: (fraction: number) => void;
}

export interface UnlockVaultOptions {
  /** The last epoch this device saw (kept outside IndexedDB); an older header is refused. */
  minEpoch?: number;
  onProgress?: (fraction: number) => void;
}

function checkPassphrase(passphrase: string): Result<string, 'weak-passphrase'> {
  const length = typeof passphrase === 'string' ? [...passphrase].length : 0;
  if (length < MIN_PASSPHRASE_LENGTH) {
    return err(
      'weak-passphrase',
      `Choose a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters; a few unrelated words work well.`,
    );
  }
  if (length > MAX_PASSPHRASE_LENGTH) {
    return err('weak-passphrase', `Choose a passphrase shorter than ${MAX_PASSPHRASE_LENGTH} characters.`);
  }
  return ok(passphrase);
}

async function readHeader(db: UnderstudyDb): Promise<Result<VaultHeader, VaultErrorCode>> {
  let row: VaultHeaderRow | undefined;
  try {
    row = await db.vault.get(VAULT_HEADER_ID);
  } catch {
    return err('storage-failed', STORAGE_MESSAGE);
  }
  if (!row) return err('no-vault', NO_VAULT_MESSAGE);
  return parseHeader(row.json);
}

function checkEpoch(header: VaultHeader, minEpoch: number | undefined): Result<void, 'rollback-detected'> {
  if (minEpoch !== undefined && header.epoch < minEpoch) {
    return err(
      'rollback-detected',
      "Understudy's stored data is older than the last version this browser saw; it may have been rolled back. Restore from an export or reset Understudy.",
    );
  }
  return ok(undefined);
}

/** True if a vault header exists (the vault may still be damaged; unlock will say). */
export async function vaultExists(db: UnderstudyDb): Promise<boolean> {
  return (await db.vault.get(VAULT_HEADER_ID)) !== undefined;
}

/** Creates a new vault and returns it unlocked. Refuses if one exists. */
export async function createVault(
  db: UnderstudyDb,
  passphrase: string,
  options: CreateVaultOptions = {},
): Promise<Result<VaultSession, VaultErrorCode>> {
  const checked = checkPassphrase(passphrase);
  if (!checked.ok) return checked;
  const params = validateKdfParams(options.params ?? DEFAULT_KDF_PARAMS);
  if (!params.ok) return err('invalid-params', 'These key settings are outside what Understudy allows.');
  const exists = await vaultExists(db).catch(() => undefined);
  if (exists === undefined) return err('storage-failed', STORAGE_MESSAGE);
  if (exists) return err('vault-exists', 'Understudy is already set up. Unlock it, or reset it first.');

  const kdf = { ...params.value, salt: randomBytes(SALT_LENGTH) };
  const kek = await derivePassphraseKey(passphrase, kdf.salt, kdf, optionsProgress(options));
  const dataKey = randomBytes(DATA_KEY_LENGTH);
  const wrappedKey = wrapDataKey(kek, dataKey, VAULT_FORMAT_VERSION, kdf);
  zeroize(kek);
  const header = resealHeader(
    dataKey,
    { version: VAULT_FORMAT_VERSION, kdf, wrappedKey, epoch: INITIAL_EPOCH, auditHead: null },
    {},
  );
  try {
    const created = await db.transaction(
      'rw',
      [db.vault, db.quarantine, ...RECORD_TABLES.map((t) => db[t])],
      async () => {
        if (await db.vault.get(VAULT_HEADER_ID)) return false;
        await Promise.all([db.quarantine.clear(), ...RECORD_TABLES.map((t) => db[t].clear())]);
        await db.vault.add({ id: VAULT_HEADER_ID, json: serializeHeader(header) });
        return true;
      },
    );
    if (!created) {
      zeroize(dataKey);
      return err('vault-exists', 'Understudy is already set up. Unlock it, or reset it first.');
    }
  } catch {
    zeroize(dataKey);
    return err('storage-failed', STORAGE_MESSAGE);
  }
  return ok(new VaultSession(db, dataKey, header.epoch, header.auditHead));
}

/** Unlocks with the passphrase. Wrong passphrase → 'wrong-passphrase'; nothing is written. */
export async function unlockVault(
  db: UnderstudyDb,
  passphrase: string,
  options: UnlockVaultOptions = {},
): Promise<Result<VaultSession, VaultErrorCode>> {
  const header = await readHeader(db);
  if (!header.ok) return header;
  const fresh = checkEpoch(header.value, options.minEpoch);
  if (!fresh.ok) return fresh;
  if (typeof passphrase !== 'string' || passphrase.length === 0 || [...passphrase].length > MAX_PASSPHRASE_LENGTH) {
    return err('wrong-passphrase', WRONG_PASSPHRASE_MESSAGE);
  }
  const kek = await derivePassphraseKey(passphrase, header.value.kdf.salt, header.value.kdf, optionsProgress(options));
  const dataKey = unwrapDataKey(kek, header.value);
  zeroize(kek);
  if (!dataKey) return err('wrong-passphrase', WRONG_PASSPHRASE_MESSAGE);
  if (!isHeaderMacValid(dataKey, header.value)) {
    zeroize(dataKey);
    return err('vault-tampered', TAMPERED_MESSAGE);
  }
  return ok(new VaultSession(db, dataKey, header.value.epoch, header.value.auditHead));
}

/**
 * Re-opens the vault from a data key mirrored by the caller (e.g. in chrome.storage.session after a
 * service-worker restart). Takes ownership of a copy; the caller should zero its own buffer.
 */
export async function resumeVault(
  db: UnderstudyDb,
  dataKey: Uint8Array,
  options: { minEpoch?: number } = {},
): Promise<Result<VaultSession, VaultErrorCode>> {
  if (!(dataKey instanceof Uint8Array) || dataKey.length !== DATA_KEY_LENGTH) {
    return err('wrong-key', 'The saved session key is not valid. Unlock Understudy with your passphrase.');
  }
  const header = await readHeader(db);
  if (!header.ok) return header;
  const fresh = checkEpoch(header.value, options.minEpoch);
  if (!fresh.ok) return fresh;
  const key = dataKey.slice();
  if (!isHeaderMacValid(key, header.value)) {
    zeroize(key);
    return err('wrong-key', "The saved session key doesn't match this vault. Unlock Understudy with your passphrase.");
  }
  return ok(new VaultSession(db, key, header.value.epoch, header.value.auditHead));
}

/**
 * Changes the passphrase: re-wraps the data key only (records are not re-encrypted), bumps the
 * epoch. Returns the new epoch; persist it as `minEpoch`. The session stays unlocked.
 */
export async function changePassphrase(
  session: VaultSession,
  oldPassphrase: string,
  newPassphrase: string,
  options: DeriveKeyOptions = {},
): Promise<Result<{ epoch: number }, VaultErrorCode | SessionErrorCode>> {
  const checked = checkPassphrase(newPassphrase);
  if (!checked.ok) return checked;
  if (typeof oldPassphrase !== 'string' || [...oldPassphrase].length > MAX_PASSPHRASE_LENGTH) {
    return err('wrong-passphrase', WRONG_PASSPHRASE_MESSAGE);
  }
  return session.rewrapDataKey(oldPassphrase, newPassphrase, options);
}

/** Deletes the header and every row. Lock open sessions first. Irreversible. */
export async function wipeVault(db: UnderstudyDb): Promise<Result<void, 'storage-failed'>> {
  try {
    await db.transaction('rw', [db.vault, db.quarantine, ...RECORD_TABLES.map((t) => db[t])], async () => {
      await Promise.all([db.vault.clear(), db.quarantine.clear(), ...RECORD_TABLES.map((t) => db[t].clear())]);
    });
  } catch {
    return err('storage-failed', STORAGE_MESSAGE);
  }
  return ok(undefined);
}

function optionsProgress(options: { onProgress?: (fraction: number) => void }): DeriveKeyOptions {
  return options.onProgress ? { onProgress: options.onProgress } : {};
}
