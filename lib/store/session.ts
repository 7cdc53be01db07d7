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
 *
 * Summaries (db.ts SUMMARY_TABLES): a record in `tasks` may carry a small summary, sealed as its own
 * row in `taskSummaries` under the same id, so the task list decrypts ~100 bytes per task instead
 * of the whole task. Protocol:
 * 1. putMany/put with `summary`: each summary is built from the validated value, validated with the
 *    summary schema and sealed; record and summary rows are written in ONE transaction. A write to
 *    `tasks` without `summary` deletes the old summaries in that transaction, so a summary is never
 *    stale; delete() and quarantine remove the summary with its record.
 * 2. listSummaries: one read transaction takes every summary row and the record table's primary keys
 *    (keys only, no bodies). Summaries whose record is gone are never listed; broken summaries are
 *    quarantined; any record left without a usable summary is decrypted in full, validated, and its
 *    summary rebuilt and stored (only if the record is unchanged meanwhile), e.g. after the
 *    version-2 upgrade, which can't seal summaries itself because it has no key.
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
  isSummarizedTable,
  isSummaryTable,
  type QuarantineReason,
  type QuarantineRow,
  type RecordTable,
  SUMMARY_TABLES,
  type SummarizedTable,
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

/** How to build the summary stored beside each record of a summarized table (db.ts SUMMARY_TABLES). */
export interface SummaryOptions<T = never, S = unknown> {
  /** Every summary is validated with it when written and when read. */
  schema: z.ZodType<S>;
  /** Builds the summary from the record's validated value. */
  summarize: (value: T) => S;
}

/** One table's worth of writes for {@link VaultSession.putMany}. */
export interface PutBatch {
  table: RecordTable;
  schema: z.ZodType;
  items: { id?: string; value: unknown; createdAt?: number }[];
  /**
   * Summarized tables only: the summary written with each record. Without it, the records' old
   * summaries are deleted in the same transaction (listSummaries rebuilds them).
   */
  summary?: SummaryOptions<never, unknown>;
}

interface PreparedBatch {
  table: RecordTable;
  rows: EncryptedRow[];
  keepCreatedAt: boolean[];
  /** Summarized tables: one sealed summary per row (same order), or null to delete the old ones. */
  summaries: EncryptedRow[] | null;
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

function assertWritableTable(table: unknown, hasSummary: boolean): asserts table is RecordTable {
  assertTable(table);
  if (isSummaryTable(table)) {
    throw new TypeError('VaultSession: summary tables are written only with their records (pass "summary")');
  }
  if (hasSummary && !isSummarizedTable(table)) {
    throw new TypeError('VaultSession: "summary" is only for tables listed in SUMMARY_TABLES');
  }
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

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

  /** Zeroes every key; later calls, and reads in flight, return a 'locked' error. Safe to call twice. */
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

  /**
   * Validates, encrypts and stores one value. `id` undefined creates a new random id. For a
   * summarized table, pass `summary` to store its summary in the same transaction.
   */
  async put<T>(
    table: RecordTable,
    id: string | undefined,
    value: T,
    schema: z.ZodType<T>,
    summary?: SummaryOptions<T, unknown>,
  ): Promise<Result<{ id: string }, SessionErrorCode>> {
    const items = [id === undefined ? { value } : { id, value }];
    const result = await this.putMany([summary ? { table, schema, items, summary } : { table, schema, items }]);
    if (!result.ok) return result;
    return ok({ id: result.value.ids[0] as string });
  }

  /**
   * Validates and encrypts every item first, then writes all of them in ONE transaction (all or
   * nothing). Returns the ids in input order (batch by batch). Existing rows keep their createdAt.
   */
  async putMany(batches: readonly PutBatch[]): Promise<Result<{ ids: string[] }, SessionErrorCode>> {
    if (this.#locked) return err('locked', LOCKED_MESSAGE);
    const prepared: PreparedBatch[] = [];
    const ids: string[] = [];
    const now = coarseNow();
    for (const batch of batches) {
      assertWritableTable(batch.table, batch.summary !== undefined);
      const summaryTable = isSummarizedTable(batch.table) ? SUMMARY_TABLES[batch.table] : undefined;
      const rows: EncryptedRow[] = [];
      const keepCreatedAt: boolean[] = [];
      const summaries: EncryptedRow[] | null = batch.summary ? [] : null;
      for (const item of batch.items) {
        if (item.id !== undefined && !isValidId(item.id)) {
          return err('invalid-id', `A record id must be 1 to ${MAX_ID_LENGTH} characters.`);
        }
        const parsed = batch.schema.safeParse(item.value);
        if (!parsed.success) {
          return err('invalid-value', "Understudy refused to save an item that doesn't have the expected shape.");
        }
        const id = item.id ?? randomId();
        const createdAt = item.createdAt === undefined ? now : coarseNow(item.createdAt);
        if (batch.summary && summaries && summaryTable) {
          const summary = batch.summary.schema.safeParse(batch.summary.summarize(parsed.data as never));
          if (!summary.success) {
            return err(
              'invalid-value',
              "Understudy refused to save an item whose summary doesn't have the expected shape.",
            );
          }
          summaries.push({ id, createdAt, ciphertext: this.#seal(summaryTable, id, summary.data) });
        }
        rows.push({ id, createdAt, ciphertext: this.#seal(batch.table, id, parsed.data) });
        keepCreatedAt.push(item.createdAt === undefined && item.id !== undefined);
        ids.push(id);
      }
      prepared.push({ table: batch.table, rows, keepCreatedAt, summaries: summaryTable ? summaries : null });
    }
    const names = new Set<RecordTable>();
    for (const { table } of prepared) {
      names.add(table);
      if (isSummarizedTable(table)) names.add(SUMMARY_TABLES[table]);
    }
    if (names.size === 0) return ok({ ids });
    // One table's rows that need no read first (no createdAt to keep, no summary, not the audit chain), as
    // a run's save after every step is: one plain IndexedDB transaction of puts. Dexie's transaction
    // machinery took longer than the write itself there (bench:replay), and gives nothing such a write needs.
    const plain = prepared.length === 1 ? prepared[0] : undefined;
    if (plain && needsNoRead(plain) && this.#db.isOpen()) {
      try {
        await putRows(this.#db.backendDB(), plain.table, plain.rows);
        return ok({ ids });
      } catch {
        // Nothing was written (the transaction aborted, or the connection was closed under Dexie, which
        // still calls it open): the Dexie path below reopens it and writes again.
      }
    }
    try {
      // One transaction, one await per table: IndexedDB queues the requests, Dexie resolves them
      // together; encryption already happened above, so the transaction does no CPU-heavy work.
      await this.#db.transaction(
        'rw',
        [...names].map((name) => this.#db.table(name)),
        async () => {
          for (const { table, rows, keepCreatedAt, summaries } of prepared) {
            await this.#writeRows(table, rows, keepCreatedAt);
            if (!isSummarizedTable(table)) continue;
            const summaryStore = this.#db.table<EncryptedRow, string>(SUMMARY_TABLES[table]);
            if (summaries) {
              // A summary row carries its record's createdAt (kept on update by #writeRows).
              summaries.forEach((summary, index) => {
                summary.createdAt = (rows[index] as EncryptedRow).createdAt;
              });
              await summaryStore.bulkPut(summaries);
            } else {
              await summaryStore.bulkDelete(rows.map((row) => row.id));
            }
          }
        },
      );
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
    rows.forEach((row, index) => {
      const old = existing.get(row.id);
      if (old && keepCreatedAt[index]) row.createdAt = old.createdAt;
    });
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
    if (this.#locked) return err('locked', LOCKED_MESSAGE); // locked while reading: the keys are zeroes
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
    if (this.#locked) return err('locked', LOCKED_MESSAGE);
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
      if (isSummarizedTable(table)) {
        const summaryTable = this.#db.table(SUMMARY_TABLES[table]);
        await this.#db.transaction('rw', this.#db.table(table), summaryTable, () =>
          Promise.all([this.#db.table(table).delete(id), summaryTable.delete(id)]),
        );
      } else {
        await this.#db.table(table).delete(id);
      }
    } catch {
      return err('storage-failed', STORAGE_MESSAGE);
    }
    return ok(undefined);
  }

  /**
   * Lists the summaries of a summarized table (see the protocol atop this file): decrypts and
   * validates summaries only, rebuilding any that are missing or broken from their full record.
   * `schema` validates the full records, which are read only for rebuilds. Ordered by id, like list().
   */
  async listSummaries<T, S>(
    table: SummarizedTable,
    schema: z.ZodType<T>,
    summary: SummaryOptions<T, S>,
  ): Promise<Result<ListResult<S>, SessionErrorCode>> {
    if (this.#locked) return err('locked', LOCKED_MESSAGE);
    assertTable(table);
    if (!isSummarizedTable(table)) throw new TypeError('VaultSession: "table" has no summaries');
    const summaryTable = SUMMARY_TABLES[table];
    const records = this.#db.table<EncryptedRow, string>(table);
    const summaries = this.#db.table<EncryptedRow, string>(summaryTable);
    let rows: EncryptedRow[];
    let recordIds: string[];
    try {
      [rows, recordIds] = await this.#db.transaction('r', records, summaries, () =>
        Promise.all([summaries.toArray(), records.toCollection().primaryKeys()]),
      );
    } catch {
      return err('storage-failed', STORAGE_MESSAGE);
    }
    if (this.#locked) return err('locked', LOCKED_MESSAGE);
    // Ids of records still lacking a usable summary; each good summary removes its id.
    const missing = new Set(recordIds);
    const items: ListedItem<S>[] = [];
    const broken: { row: EncryptedRow; reason: QuarantineReason }[] = [];
    for (const row of rows) {
      // A summary whose record is gone (only possible by editing storage) is never listed.
      if (!missing.has(row.id)) continue;
      const decoded = this.#decode(summaryTable, row, summary.schema);
      if (decoded.ok) {
        items.push({ id: row.id, createdAt: row.createdAt, value: decoded.value });
        missing.delete(row.id);
      } else {
        broken.push({ row, reason: decoded.error.code });
      }
    }
    if (broken.length > 0) await this.#quarantine(summaryTable, broken);
    const quarantined = broken.map(({ row, reason }) => ({ id: row.id, reason }));
    if (missing.size === 0) return ok({ items, quarantined });
    const rebuilt = await this.#rebuildSummaries(table, [...missing], schema, summary);
    if (!rebuilt.ok) return rebuilt;
    items.push(...rebuilt.value.items);
    items.sort(byId);
    return ok({ items, quarantined: [...quarantined, ...rebuilt.value.quarantined] });
  }

  /** Decrypts full records, returns their summaries and stores them for records unchanged meanwhile. */
  async #rebuildSummaries<T, S>(
    table: SummarizedTable,
    ids: string[],
    schema: z.ZodType<T>,
    summary: SummaryOptions<T, S>,
  ): Promise<Result<ListResult<S>, SessionErrorCode>> {
    const summaryTable = SUMMARY_TABLES[table];
    const records = this.#db.table<EncryptedRow, string>(table);
    let rows: (EncryptedRow | undefined)[];
    try {
      rows = await records.bulkGet(ids);
    } catch {
      return err('storage-failed', STORAGE_MESSAGE);
    }
    if (this.#locked) return err('locked', LOCKED_MESSAGE);
    const items: ListedItem<S>[] = [];
    const broken: { row: EncryptedRow; reason: QuarantineReason }[] = [];
    const sealed: { record: EncryptedRow; summary: EncryptedRow }[] = [];
    for (const row of rows) {
      if (!row) continue; // deleted since the keys were read
      const decoded = this.#decode(table, row, schema);
      // A record whose summary fails the summary schema fails validation like any other record.
      const value = decoded.ok ? summary.schema.safeParse(summary.summarize(decoded.value)) : undefined;
      if (!decoded.ok || !value?.success) {
        broken.push({ row, reason: decoded.ok ? 'invalid-contents' : decoded.error.code });
        continue;
      }
      items.push({ id: row.id, createdAt: row.createdAt, value: value.data });
      sealed.push({
        record: row,
        summary: { id: row.id, createdAt: row.createdAt, ciphertext: this.#seal(summaryTable, row.id, value.data) },
      });
    }
    if (broken.length > 0) await this.#quarantine(table, broken);
    if (sealed.length > 0) {
      const summaries = this.#db.table<EncryptedRow, string>(summaryTable);
      try {
        await this.#db.transaction('rw', records, summaries, async () => {
          const current = await records.bulkGet(sealed.map(({ record }) => record.id));
          const fresh = sealed.filter(({ record }, index) => {
            const now = current[index];
            return now !== undefined && sameBytes(now.ciphertext, record.ciphertext);
          });
          await summaries.bulkPut(fresh.map((entry) => entry.summary));
        });
      } catch {
        // Storing rebuilt summaries is best effort: this listing is complete, the next one retries.
      }
    }
    return ok({ items, quarantined: broken.map(({ row, reason }) => ({ id: row.id, reason })) });
  }

  /** JSON → UTF-8 → envelope bound to (table, id); the plaintext bytes are zeroed. */
  #seal(table: RecordTable, id: string, value: unknown): Uint8Array {
    const plaintext = utf8Encode(JSON.stringify(value));
    const ciphertext = sealRecord(this.#recordsKey, table, id, plaintext);
    zeroize(plaintext);
    return ciphertext;
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
    // With zeroed keys every row looks broken: never set good rows aside because of a lock.
    if (this.#locked) return;
    const summaryTable = isSummarizedTable(table) ? this.#db.table(SUMMARY_TABLES[table]) : undefined;
    const tables = [this.#db.table(table), this.#db.quarantine, ...(summaryTable ? [summaryTable] : [])];
    try {
      await this.#db.transaction('rw', tables, async () => {
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
        // A quarantined record's summary goes with it, so the list never shows a record it can't open.
        await summaryTable?.bulkDelete(moved.map((entry) => entry.recordId));
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

function needsNoRead(batch: PreparedBatch): boolean {
  return batch.table !== 'audit' && !isSummarizedTable(batch.table) && !batch.keepCreatedAt.includes(true);
}

/** Puts the rows in one transaction: all or none, settled once IndexedDB says the transaction completed. */
function putRows(db: IDBDatabase, table: RecordTable, rows: readonly EncryptedRow[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const transaction = db.transaction([table], 'readwrite');
    transaction.oncomplete = () => resolve();
    transaction.onabort = () => reject(transaction.error ?? new Error('The write was aborted.'));
    try {
      const store = transaction.objectStore(table);
      for (const row of rows) store.put(row);
    } catch (error) {
      // A put refused on the spot: none of the others may commit without it.
      transaction.abort();
      reject(error);
    }
  });
}
