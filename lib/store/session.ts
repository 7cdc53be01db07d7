/**
 * An unlocked vault. Holds the data key and its sub-keys in memory (never written anywhere by this
 * module), encrypts on write, and decrypts + validates on read.
 *
 * Every value is validated with the caller's zod schema on the way in and on the way out, then
 * stored as JSON inside an envelope bound to (table, id). A row that fails authentication (moved,
 * swapped or altered ciphertext) or validation (e.g. decrypts but no longer matches the schema) is
 * moved to the `quarantine` table with its ciphertext and the reason, and reported; the other rows
 * stay usable. Note: a schema change that rejects old rows quarantines them too — add a Dexie
 * version with an upgrade, or accept old shapes in the schema, before tightening a schema.
 */
import type { z } from 'zod';
import { equalBytes, randomBytes, randomId, utf8Decode, utf8Encode, zeroize } from '../crypto/bytes';
import { openRecord, sealRecord } from '../crypto/envelope';
import { type DeriveKeyOptions, derivePassphraseKey, SALT_LENGTH } from '../crypto/kdf';
import { DATA_KEY_LENGTH, deriveSubkey } from '../crypto/subkeys';
import { err, ok, type Result } from '../result';
import {
  type AuditRow,
  coarseNow,
  type EncryptedRow,
  isRecordTable,
  type QuarantineReason,
  type QuarantineRow,
  type RecordTable,
  type UnderstudyDb,
  VAULT_HEADER_ID,
  type VaultHeaderRow,
} from './db';
import {
  AUDIT_HEAD_MAX_BYTES,
  isHeaderMacValid,
  parseHeader,
  resealHeader,
  serializeHeader,
  unwrapDataKey,
  wrapDataKey,
} from './header';

export type SessionErrorCode =
  | 'locked'
  | 'not-found'
  | 'quarantined'
  | 'invalid-value'
  | 'invalid-id'
  | 'conflict'
  | 'storage-failed';

export interface ListedItem<T> {
  id: string;
  createdAt: number;
  value: T;
}

export interface QuarantinedItem {
  id: string;
  reason: QuarantineReason;
}

export interface ListResult<T> {
  items: ListedItem<T>[];
  /** Rows found broken during this call; they are now in the `quarantine` table. */
  quarantined: QuarantinedItem[];
}

/** One table's worth of writes for {@link VaultSession.putMany}. */
export interface PutBatch {
  table: RecordTable;
  schema: z.ZodType;
  items: { id?: string; value: unknown; createdAt?: number }[];
}

/** Longest accepted record id (our ids are 32 hex chars; callers may use names like 'general'). */
export const MAX_ID_LENGTH = 128;

const LOCKED_MESSAGE = 'Understudy is locked. Unlock it with your passphrase and try again.';
const STORAGE_MESSAGE =
  "Understudy couldn't read or write its storage. Check that the browser has free disk space, then try again.";
const CONFLICT_MESSAGE =
  'The vault was changed elsewhere (another window or a restore). Lock Understudy and unlock it again.';
export const WRONG_PASSPHRASE_MESSAGE = "That passphrase didn't unlock Understudy. Check it and try again.";
const QUARANTINED_MESSAGE =
  'This saved item failed its integrity check and was set aside; the rest of your data is fine.';

function isValidId(id: unknown): id is string {
  return typeof id === 'string' && id.length > 0 && id.length <= MAX_ID_LENGTH;
}

function assertTable(table: unknown): asserts table is RecordTable {
  if (!isRecordTable(table)) throw new TypeError('VaultSession: "table" must be one of the record tables');
}

export class VaultSession {
  #db: UnderstudyDb;
  #dataKey: Uint8Array;
  #recordsKey: Uint8Array;
  #auditKey: Uint8Array;
  #epoch: number;
  #auditHead: Uint8Array | null;
  #locked = false;

  /** Use createVault / unlockVault / resumeVault (vault.ts). Takes ownership of `dataKey`. */
  constructor(db: UnderstudyDb, dataKey: Uint8Array, epoch: number, auditHead: Uint8Array | null) {
    if (dataKey.length !== DATA_KEY_LENGTH) throw new RangeError('VaultSession: dataKey must be 32 bytes');
    this.#db = db;
    this.#dataKey = dataKey;
    this.#recordsKey = deriveSubkey(dataKey, 'records');
    this.#auditKey = deriveSubkey(dataKey, 'audit-mac');
    this.#epoch = epoch;
    this.#auditHead = auditHead;
  }

  get isLocked(): boolean {
    return this.#locked;
  }

  /** The header epoch this session last saw or wrote. Persist it (outside IndexedDB) as `minEpoch`. */
  get epoch(): number {
    return this.#epoch;
  }

  /** Zeroes every key; all later calls return a 'locked' error. Safe to call twice. */
  lock(): void {
    if (this.#locked) return;
    this.#locked = true;
    zeroize(this.#dataKey, this.#recordsKey, this.#auditKey);
  }

  /** A copy of the raw data key, for mirroring into chrome.storage.session. Zero it after use. */
  exportDataKey(): Result<Uint8Array, 'locked'> {
    if (this.#locked) return err('locked', LOCKED_MESSAGE);
    return ok(this.#dataKey.slice());
  }

  /** A copy of the audit-log HMAC key ('audit-mac' sub-key). Zero it after use. */
  auditKey(): Result<Uint8Array, 'locked'> {
    if (this.#locked) return err('locked', LOCKED_MESSAGE);
    return ok(this.#auditKey.slice());
  }

  /** The opaque audit-log anchor stored in the header (null until first set). */
  auditHead(): Result<Uint8Array | null, 'locked'> {
    if (this.#locked) return err('locked', LOCKED_MESSAGE);
    return ok(this.#auditHead ? this.#auditHead.slice() : null);
  }

  /**
   * Stores a new audit anchor in the header and bumps the epoch (returned). Fails with 'conflict'
   * if another session changed the header since this one last saw it.
   */
  async setAuditHead(head: Uint8Array): Promise<Result<{ epoch: number }, SessionErrorCode>> {
    if (this.#locked) return err('locked', LOCKED_MESSAGE);
    if (!(head instanceof Uint8Array) || head.length === 0 || head.length > AUDIT_HEAD_MAX_BYTES) {
      return err('invalid-value', `The audit anchor must be 1 to ${AUDIT_HEAD_MAX_BYTES} bytes.`);
    }
    const result = await this.#updateHeader({ auditHead: head.slice() });
    if (result.ok) this.#auditHead = head.slice();
    return result;
  }

  /** Re-MACs and writes header changes under compare-and-swap. */
  async #updateHeader(
    changes: Parameters<typeof resealHeader>[2],
  ): Promise<Result<{ epoch: number }, SessionErrorCode>> {
    try {
      return await this.#db.transaction('rw', this.#db.vault, async () => {
        const row = await this.#db.vault.get(VAULT_HEADER_ID);
        const parsed = row ? parseHeader(row.json) : undefined;
        if (!parsed?.ok || parsed.value.epoch !== this.#epoch || !isHeaderMacValid(this.#dataKey, parsed.value)) {
          return err('conflict', CONFLICT_MESSAGE);
        }
        const next = resealHeader(this.#dataKey, parsed.value, { ...changes, epoch: this.#epoch + 1 });
        await this.#db.vault.put({ id: VAULT_HEADER_ID, json: serializeHeader(next) });
        this.#epoch = next.epoch;
        return ok({ epoch: next.epoch });
      });
    } catch {
      return err('storage-failed', STORAGE_MESSAGE);
    }
  }

  /**
   * Re-wraps the data key under a new passphrase (records are untouched) and bumps the epoch, in one
   * transaction. Prefer {@link changePassphrase} from vault.ts, which checks the new passphrase.
   */
  async rewrapDataKey(
    oldPassphrase: string,
    newPassphrase: string,
    options: DeriveKeyOptions = {},
  ): Promise<Result<{ epoch: number }, SessionErrorCode | 'wrong-passphrase'>> {
    if (this.#locked) return err('locked', LOCKED_MESSAGE);
    let row: VaultHeaderRow | undefined;
    try {
      row = await this.#db.vault.get(VAULT_HEADER_ID);
    } catch {
      return err('storage-failed', STORAGE_MESSAGE);
    }
    const header = row ? parseHeader(row.json) : undefined;
    if (!header?.ok || header.value.epoch !== this.#epoch) return err('conflict', CONFLICT_MESSAGE);
    // Check the old passphrase against the stored wrap (a locked-away screen is not enough to change it).
    const oldKek = await derivePassphraseKey(
      oldPassphrase,
      header.value.kdf.salt,
      header.value.kdf,
      progressHalf(options, 0),
    );
    const unwrapped = unwrapDataKey(oldKek, header.value);
    zeroize(oldKek);
    if (this.#locked) return err('locked', LOCKED_MESSAGE);
    const matches = unwrapped !== undefined && equalBytes(unwrapped, this.#dataKey);
    if (unwrapped) zeroize(unwrapped);
    if (!matches) return err('wrong-passphrase', WRONG_PASSPHRASE_MESSAGE);
    const kdf = { N: header.value.kdf.N, r: header.value.kdf.r, p: header.value.kdf.p, salt: randomBytes(SALT_LENGTH) };
    const newKek = await derivePassphraseKey(newPassphrase, kdf.salt, kdf, progressHalf(options, 0.5));
    if (this.#locked) {
      zeroize(newKek);
      return err('locked', LOCKED_MESSAGE);
    }
    const wrappedKey = wrapDataKey(newKek, this.#dataKey, header.value.version, kdf);
    zeroize(newKek);
    return this.#updateHeader({ kdf, wrappedKey });
  }

  /** Validates, encrypts and stores one value. `id` undefined creates a new random id. */
  async put<T>(
    table: RecordTable,
    id: string | undefined,
    value: T,
    schema: z.ZodType<T>,
  ): Promise<Result<{ id: string }, SessionErrorCode>> {
    const result = await this.putMany([{ table, schema, items: [id === undefined ? { value } : { id, value }] }]);
    if (!result.ok) return result;
    return ok({ id: result.value.ids[0] as string });
  }

  /**
   * Validates and encrypts every item first, then writes all of them in ONE transaction (all or
   * nothing). Returns the ids in input order (batch by batch). Existing rows keep their createdAt.
   */
  async putMany(batches: readonly PutBatch[]): Promise<Result<{ ids: string[] }, SessionErrorCode>> {
    if (this.#locked) return err('locked', LOCKED_MESSAGE);
    const prepared: { table: RecordTable; rows: EncryptedRow[]; keepCreatedAt: boolean[] }[] = [];
    const ids: string[] = [];
    const now = coarseNow();
    for (const batch of batches) {
      assertTable(batch.table);
      const rows: EncryptedRow[] = [];
      const keepCreatedAt: boolean[] = [];
      for (const item of batch.items) {
        if (item.id !== undefined && !isValidId(item.id)) {
          return err('invalid-id', `A record id must be 1 to ${MAX_ID_LENGTH} characters.`);
        }
        const parsed = batch.schema.safeParse(item.value);
        if (!parsed.success) {
          return err('invalid-value', "Understudy refused to save an item that doesn't have the expected shape.");
        }
        const id = item.id ?? randomId();
        const plaintext = utf8Encode(JSON.stringify(parsed.data));
        const ciphertext = sealRecord(this.#recordsKey, batch.table, id, plaintext);
        zeroize(plaintext);
        rows.push({ id, createdAt: item.createdAt === undefined ? now : coarseNow(item.createdAt), ciphertext });
        keepCreatedAt.push(item.createdAt === undefined && item.id !== undefined);
        ids.push(id);
      }
      prepared.push({ table: batch.table, rows, keepCreatedAt });
    }
    const tables = [...new Set(prepared.map((entry) => entry.table))].map((name) => this.#db.table(name));
    if (tables.length === 0) return ok({ ids });
    try {
      await this.#db.transaction('rw', tables, async () => {
        for (const { table, rows, keepCreatedAt } of prepared) {
          await this.#writeRows(table, rows, keepCreatedAt);
        }
      });
    } catch {
      return err('storage-failed', STORAGE_MESSAGE);
    }
    return ok({ ids });
  }

  async #writeRows(table: RecordTable, rows: EncryptedRow[], keepCreatedAt: boolean[]): Promise<void> {
    const store = this.#db.table<EncryptedRow, string>(table);
    const existingIds = rows.filter((_, index) => keepCreatedAt[index]).map((row) => row.id);
    const existing = new Map<string, EncryptedRow>();
    if (existingIds.length > 0 || table === 'audit') {
      const found = await store.bulkGet(table === 'audit' ? rows.map((row) => row.id) : existingIds);
      for (const row of found) if (row) existing.set(row.id, row);
    }
    for (const row of rows) {
      const old = existing.get(row.id);
      if (old && keepCreatedAt[rows.indexOf(row)]) row.createdAt = old.createdAt;
    }
    if (table === 'audit') {
      // Audit rows are ordered by `seq`, assigned here inside the write transaction.
      const last = await this.#db.audit.orderBy('seq').last();
      let seq = last?.seq ?? 0;
      const auditRows: AuditRow[] = rows.map((row) => {
        const old = existing.get(row.id) as AuditRow | undefined;
        return { ...row, seq: old?.seq ?? ++seq };
      });
      await this.#db.audit.bulkPut(auditRows);
      return;
    }
    await store.bulkPut(rows);
  }

  /** Reads, decrypts and validates one value. A broken row is quarantined ('quarantined' error). */
  async get<T>(table: RecordTable, id: string, schema: z.ZodType<T>): Promise<Result<T, SessionErrorCode>> {
    const item = await this.getItem(table, id, schema);
    return item.ok ? ok(item.value.value) : item;
  }

  /** Like {@link get}, also returning the row's id and coarse createdAt. */
  async getItem<T>(
    table: RecordTable,
    id: string,
    schema: z.ZodType<T>,
  ): Promise<Result<ListedItem<T>, SessionErrorCode>> {
    if (this.#locked) return err('locked', LOCKED_MESSAGE);
    assertTable(table);
    if (!isValidId(id)) return err('invalid-id', `A record id must be 1 to ${MAX_ID_LENGTH} characters.`);
    let row: EncryptedRow | undefined;
    try {
      row = await this.#db.table<EncryptedRow, string>(table).get(id);
    } catch {
      return err('storage-failed', STORAGE_MESSAGE);
    }
    if (!row) return err('not-found', 'That item no longer exists; it may have been deleted.');
    const decoded = this.#decode(table, row, schema);
    if (decoded.ok) return ok({ id: row.id, createdAt: row.createdAt, value: decoded.value });
    await this.#quarantine(table, [{ row, reason: decoded.error.code }]);
    return err('quarantined', QUARANTINED_MESSAGE);
  }

  /** Reads, decrypts and validates a whole table (audit in `seq` order). Broken rows are quarantined. */
  async list<T>(table: RecordTable, schema: z.ZodType<T>): Promise<Result<ListResult<T>, SessionErrorCode>> {
    if (this.#locked) return err('locked', LOCKED_MESSAGE);
    assertTable(table);
    let rows: EncryptedRow[];
    try {
      rows =
        table === 'audit'
          ? await this.#db.audit.orderBy('seq').toArray()
          : await this.#db.table<EncryptedRow, string>(table).toArray();
    } catch {
      return err('storage-failed', STORAGE_MESSAGE);
    }
    const items: ListedItem<T>[] = [];
    const broken: { row: EncryptedRow; reason: QuarantineReason }[] = [];
    for (const row of rows) {
      const decoded = this.#decode(table, row, schema);
      if (decoded.ok) items.push({ id: row.id, createdAt: row.createdAt, value: decoded.value });
      else broken.push({ row, reason: decoded.error.code });
    }
    if (broken.length > 0) await this.#quarantine(table, broken);
    return ok({ items, quarantined: broken.map(({ row, reason }) => ({ id: row.id, reason })) });
  }

  /** Deletes one row (no error if it is already gone). */
  async delete(table: RecordTable, id: string): Promise<Result<void, SessionErrorCode>> {
    if (this.#locked) return err('locked', LOCKED_MESSAGE);
    assertTable(table);
    if (!isValidId(id)) return err('invalid-id', `A record id must be 1 to ${MAX_ID_LENGTH} characters.`);
    try {
      await this.#db.table(table).delete(id);
    } catch {
      return err('storage-failed', STORAGE_MESSAGE);
    }
    return ok(undefined);
  }

  #decode<T>(table: RecordTable, row: EncryptedRow, schema: z.ZodType<T>): Result<T, QuarantineReason> {
    if (!(row.ciphertext instanceof Uint8Array) || !isValidId(row.id)) {
      return err('failed-authentication', 'Row is not an encrypted record.');
    }
    const opened = openRecord(this.#recordsKey, table, row.id, row.ciphertext);
    if (!opened.ok) return err('failed-authentication', 'Record failed authentication.');
    const text = utf8Decode(opened.value);
    zeroize(opened.value);
    if (text === undefined) return err('invalid-contents', 'Record is not valid text.');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return err('invalid-contents', 'Record is not valid JSON.');
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) return err('invalid-contents', 'Record does not match its schema.');
    return ok(parsed.data);
  }

  /** Moves broken rows to `quarantine` in one transaction, unless they were rewritten meanwhile. */
  async #quarantine(table: RecordTable, broken: { row: EncryptedRow; reason: QuarantineReason }[]): Promise<void> {
    try {
      await this.#db.transaction('rw', this.#db.table(table), this.#db.quarantine, async () => {
        const store = this.#db.table<EncryptedRow, string>(table);
        const current = await store.bulkGet(broken.map(({ row }) => row.id));
        const moved: QuarantineRow[] = [];
        broken.forEach(({ row, reason }, index) => {
          const stillThere = current[index];
          if (stillThere && sameBytes(stillThere.ciphertext, row.ciphertext)) {
            moved.push({
              id: randomId(),
              createdAt: coarseNow(),
              table,
              recordId: row.id,
              ciphertext: row.ciphertext,
              reason,
            });
          }
        });
        await this.#db.quarantine.bulkAdd(moved);
        await store.bulkDelete(moved.map((entry) => entry.recordId));
      });
    } catch {
      // Quarantine is best effort: the caller still gets the broken rows reported and skipped.
    }
  }
}

/** Maps one of two sequential derivations onto half of the caller's 0..1 progress bar. */
function progressHalf(options: DeriveKeyOptions, start: number): DeriveKeyOptions {
  const { onProgress } = options;
  return onProgress ? { onProgress: (fraction) => onProgress(start + fraction / 2) } : {};
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}
